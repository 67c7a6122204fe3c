#pragma once
// `masked`: for MCAR, MAR and MNAR, a few test images original, masked
// (missing pixels red) and imputed side by side, and the RMSE on the missing
// entries of the autoencoder against mean and regression imputation
// (core/explore/ImputationDemo.h). It fits two baselines per mechanism, so it
// runs at a run's end and on demand rather than live.
#include "diagnostics/DiagnosticPanel.h"

#include "explore/ImputationDemo.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace aelab::ui {

class ImageGrid;

class MaskedDiagnostic : public DiagnosticPanel {
    Q_OBJECT
public:
    static constexpr int kRowsShown = 6;

    MaskedDiagnostic(ExploreClient* client, QWidget* parent);
    void request() override;
    void clear() override;
    bool refreshesLive() const override { return false; }

    QTableWidget* table() const { return m_table; }
    int imageCount() const;
    const std::vector<MechanismImputation>& results() const { return m_results; }

private:
    QPushButton* m_run;
    ImageGrid* m_images;
    QTableWidget* m_table;
    QLabel* m_caption;
    std::vector<MechanismImputation> m_results;
};

} // namespace aelab::ui
