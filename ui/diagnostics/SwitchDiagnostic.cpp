#include "diagnostics/SwitchDiagnostic.h"

#include "models/Registry.h"
#include "widgets/ImageGrid.h"
#include "widgets/ImageTools.h"

#include <QLabel>
#include <QVBoxLayout>

namespace aelab::ui {

SwitchDiagnostic::SwitchDiagnostic(ExploreClient* client, QWidget* parent)
    : DiagnosticPanel("switches", tr("Unpooling switches: what reaches the decoder past the code"), client, parent),
      m_images(new ImageGrid(this)), m_caption(new QLabel(this))
{
    m_caption->setObjectName("switchCaption");
    m_caption->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_images, 1);
    layout->addWidget(m_caption);
}

bool SwitchDiagnostic::appliesTo(const VariantInfo& variant, const Dataset& data) const
{
    return DiagnosticPanel::appliesTo(variant, data) && data.shape.isImage();
}

void SwitchDiagnostic::clear()
{
    DiagnosticPanel::clear();
    m_leak = {};
    m_images->clear();
    m_caption->clear();
}

QString SwitchDiagnostic::captionText() const { return m_caption->text(); }

int SwitchDiagnostic::imageCount() const { return m_images->imageCount(); }

void SwitchDiagnostic::request()
{
    ask([](ExploreContext& c) -> std::any {
        auto* model = dynamic_cast<EncoderDecoder*>(&c.model);
        if (!model)
            return SwitchLeak{};
        const Matrix& test = c.data->testX.rows() > 0 ? c.data->testX : c.split.valX;
        return measureSwitchLeak(*model, test.topRows(std::min<Eigen::Index>(test.rows(), kRowsMeasured)),
                                 kRowsShown);
    }, [this](const std::any& v) {
        m_leak = std::any_cast<SwitchLeak>(v);
        if (!m_leak.unpools) {
            m_images->clear();
            m_caption->setText(tr("This model does not unpool: its decoder sees the code and nothing else. With "
                                  "Architecture conv and Conv upsampling unpool, the decoder puts values back where "
                                  "the encoder's max-pools found them in x; this panel then shows what those "
                                  "switches carry past the code."));
            return;
        }
        m_images->setRows({{tr("original"), rowImages(m_leak.original, m_shape)},
                           {tr("with switches"), rowImages(m_leak.withSwitches, m_shape)},
                           {tr("code alone"), rowImages(m_leak.fromCode, m_shape)}});
        m_caption->setText(
            tr("Reconstruction term on %1 test images: %2 with the encoder's switches of each image (what training "
               "and the Reconstructions view use), %3 from the code alone (switches unknown: values at each window's "
               "corner, as when a latent point is decoded). The switches are one position in each of %4 pooling "
               "windows: up to %5 bits per image (%6 bits by their entropy on these images), beside a code of %7 "
               "numbers. SegNet passes them on purpose; here they let the reconstruction look better than the code "
               "alone allows.")
                .arg(m_leak.samples)
                .arg(m_leak.reconWithSwitches, 0, 'f', 2)
                .arg(m_leak.reconFromCode, 0, 'f', 2)
                .arg(m_leak.windows)
                .arg(m_leak.capacityBits, 0, 'f', 0)
                .arg(m_leak.entropyBits, 0, 'f', 0)
                .arg(m_leak.codeNumbers));
    });
}

} // namespace aelab::ui
