#pragma once
// `ae` on images: what --up unpool hands the decoder past the code. Test
// images over their reconstructions with the encoder's max-pool switches
// (what training and the Reconstructions view see) and from the code alone
// (what decode() of a latent point sees), the reconstruction term of each,
// and the switches' bits per image beside the code's width
// (core/explore/SwitchLeak.h). A model that does not unpool is said to.
#include "diagnostics/DiagnosticPanel.h"

#include "explore/SwitchLeak.h"

class QLabel;

namespace aelab::ui {

class ImageGrid;

class SwitchDiagnostic : public DiagnosticPanel {
    Q_OBJECT
public:
    static constexpr int kRowsShown = 8;
    static constexpr int kRowsMeasured = 256;

    SwitchDiagnostic(ExploreClient* client, QWidget* parent);
    bool appliesTo(const VariantInfo& variant, const Dataset& data) const override;   // image data only
    void request() override;
    void clear() override;

    const SwitchLeak& leak() const { return m_leak; }
    QString captionText() const;
    int imageCount() const;

private:
    ImageGrid* m_images;
    QLabel* m_caption;
    SwitchLeak m_leak;
};

} // namespace aelab::ui
