#include "training/DenoisingView.h"

#include "i18n/CoreText.h"

#include "widgets/ImageGrid.h"
#include "worker/TrainingController.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <cmath>

namespace aelab::ui {

DenoisingView::DenoisingView(const ViewContext& context, QWidget* parent)
    : View("denoising", tr("Denoising"), parent), m_kind(new QComboBox(this)), m_level(new QSlider(Qt::Horizontal, this)),
      m_levelLabel(new QLabel(this)),
      m_psnr(new LiveText(tr("PSNR corrupted %1 dB → reconstructed %2 dB").arg("88.88", "88.88"), this)),
      m_stack(new QStackedWidget(this)),
      m_grid(new ImageGrid(this)), m_notApplicable(new QLabel(this))
{
    setObjectName("denoisingView");
    m_kind->setObjectName("noiseKind");
    m_level->setObjectName("noiseLevel");
    m_psnr->setObjectName("psnrLabel");
    for (CorruptionKind kind : corruptionKinds())
        m_kind->addItem(coreText(corruptionKindLabel(kind)), int(kind));
    m_kind->setToolTip(tr("The corruption applied to the clean images"));
    m_level->setRange(0, kSliderSteps);
    m_level->setMinimumWidth(120);
    m_level->setValue(15);   // sigma 0.3 for Gaussian noise
    m_level->setToolTip(tr("Noise level: sigma for Gaussian noise, the fraction of pixels otherwise"));
    m_levelLabel->setMinimumWidth(70);
    m_psnr->setToolTip(tr("Peak signal-to-noise ratio against the clean images (peak 1); higher is closer"));

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 0, 4, 0);
    bar->addWidget(new QLabel(tr("Noise"), this));
    bar->addWidget(m_kind);
    bar->addWidget(m_level, 1);
    bar->addWidget(m_levelLabel);
    m_notApplicable->setWordWrap(true);
    m_notApplicable->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_grid);
    m_stack->addWidget(m_notApplicable);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_psnr);
    layout->addWidget(m_stack, 1);
    updateLevelLabel();

    auto changed = [this] {
        updateLevelLabel();
        emit corruptionChanged(corruption());
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, changed);
    connect(m_level, &QSlider::valueChanged, this, changed);
    if (context.controller) {
        connect(this, &DenoisingView::corruptionChanged, context.controller, &TrainingController::setCorruption);
        context.controller->setCorruption(corruption());
    }
}

CorruptionSpec DenoisingView::corruption() const
{
    CorruptionSpec spec;
    spec.kind = CorruptionKind(m_kind->currentData().toInt());
    spec.level = maxCorruptionLevel(spec.kind) * m_level->value() / kSliderSteps;
    spec.clampUnit = true;
    return spec;
}

void DenoisingView::setCorruption(const CorruptionSpec& spec)
{
    m_kind->setCurrentIndex(m_kind->findData(int(spec.kind)));
    m_level->setValue(int(std::lround(spec.level / maxCorruptionLevel(spec.kind) * kSliderSteps)));
}

void DenoisingView::updateLevelLabel()
{
    const CorruptionSpec spec = corruption();
    m_levelLabel->setText(spec.kind == CorruptionKind::Gaussian ? tr("σ = %1").arg(spec.level, 0, 'f', 2)
                                                                 : tr("%1%").arg(spec.level * 100, 0, 'f', 0));
}

void DenoisingView::setDataset(const DatasetPtr& dataPtr)
{
    const Dataset& data = *dataPtr;
    const bool images = data.shape.isImage();
    m_stack->setCurrentWidget(images ? static_cast<QWidget*>(m_grid) : m_notApplicable);
    m_notApplicable->setText(
        tr("Denoising is shown on images, and %1 is point data.\nPick an image dataset "
           "(Fashion-MNIST, shapes, an IDX pair or a folder of images) to see it.")
            .arg(QString::fromStdString(data.name)));
    m_kind->setEnabled(images);
    m_level->setEnabled(images);
    clear();
}

void DenoisingView::clear()
{
    m_grid->clear();
    m_psnr->setText(tr("PSNR: —"));
}

void DenoisingView::consume(const Snapshot& s)
{
    if (!s.denoising)
        return;
    const DenoisingRow& d = *s.denoising;
    ImageGrid::Row clean{tr("clean"), {}}, corrupted{tr("corrupted"), {}}, restored{tr("reconstructed"), {}};
    for (Eigen::Index i = 0; i < d.clean.rows(); ++i) {
        clean.images.push_back(sampleImage(d.clean, i, s.shape));
        corrupted.images.push_back(sampleImage(d.corrupted, i, s.shape));
        restored.images.push_back(sampleImage(d.restored, i, s.shape));
    }
    m_grid->setRows({clean, corrupted, restored});
    auto db = [](double v) { return std::isfinite(v) ? QString::number(v, 'f', 1) : QString("∞"); };
    m_psnr->setText(tr("PSNR corrupted %1 dB → reconstructed %2 dB").arg(db(d.psnrCorrupted), db(d.psnrRestored)));
}

int DenoisingView::imageCount() const { return m_grid->imageCount(); }

QString DenoisingView::psnrText() const { return m_psnr->text(); }

} // namespace aelab::ui
