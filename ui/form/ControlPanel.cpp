#include "form/ControlPanel.h"

#include "i18n/CoreText.h"

#include "form/HyperParamForm.h"

#include "data/Catalog.h"
#include "models/Registry.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace aelab::ui {

ControlPanel::ControlPanel(QWidget* parent)
    : QWidget(parent), m_dataset(new QComboBox(this)), m_limit(new QSpinBox(this)),
      m_datasetInfo(new QLabel(this)), m_restored(new QLabel(this)), m_defaults(new QPushButton(this)), m_variant(new QComboBox(this)), m_summary(new QLabel(this)),
      m_form(new HyperParamForm(this)), m_epochs(new QSpinBox(this)), m_seed(new QSpinBox(this)),
      m_buttons(new QWidget(this))
{
    setObjectName("controlPanel");
    m_dataset->setObjectName("datasetPicker");
    m_variant->setObjectName("variantPicker");
    m_limit->setObjectName("sampleLimit");
    m_epochs->setObjectName("epochs");
    m_seed->setObjectName("seed");
    m_summary->setObjectName("variantSummary");

    for (const DatasetInfo& d : builtinDatasets()) {
        m_dataset->addItem(QString::fromStdString(d.name), QString::fromStdString(d.name));
        m_dataset->setItemData(m_dataset->count() - 1, coreText(d.description), Qt::ToolTipRole);
    }
    m_dataset->setToolTip(tr("The data to train on; File > Open adds an IDX pair, a CSV file or a folder of images"));
    m_limit->setRange(0, 10'000'000);
    m_limit->setSpecialValueText(tr("all"));
    m_limit->setSingleStep(1000);
    m_limit->setKeyboardTracking(false);
    m_limit->setToolTip(tr("Use only the first N training samples (all: the whole set)"));
    m_datasetInfo->setWordWrap(true);
    m_datasetInfo->setObjectName("datasetInfo");

    for (const VariantInfo& v : variants()) {
        m_variant->addItem(QString::fromStdString(v.key) + " — " + coreText(v.name), QString::fromStdString(v.key));
        m_variant->setItemData(m_variant->count() - 1, coreText(v.summary), Qt::ToolTipRole);
    }
    m_summary->setWordWrap(true);
    QFont small = m_summary->font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    m_summary->setFont(small);

    m_epochs->setRange(1, 100000);
    m_epochs->setValue(5);
    m_epochs->setToolTip(tr("Passes over the training set"));
    m_seed->setRange(0, 2'000'000'000);
    m_seed->setValue(1);
    m_seed->setToolTip(tr("Seeds the weights, the shuffling and the split: the same seed gives the same run"));

    auto* data = new QGroupBox(tr("Data"), this);
    auto* dataForm = new QFormLayout(data);
    dataForm->addRow(tr("Dataset"), m_dataset);
    dataForm->addRow(tr("Samples"), m_limit);
    dataForm->addRow(m_datasetInfo);

    auto* model = new QGroupBox(tr("Model"), this);
    auto* modelLayout = new QVBoxLayout(model);
    // The variant's explanation (ui/lessons), beside the picker; F1 opens it too.
    auto* variantRow = new QHBoxLayout;
    auto* explain = new QToolButton(this);
    explain->setObjectName("explainVariant");
    explain->setText(tr("Explain"));
    explain->setToolTip(tr("What this variant is, its objective, what to watch and one experiment to try (F1)"));
    connect(explain, &QToolButton::clicked, this, [this] { emit explainRequested(variant()); });
    variantRow->addWidget(m_variant, 1);
    variantRow->addWidget(explain);
    modelLayout->addLayout(variantRow);
    modelLayout->addWidget(m_summary);
    m_restored->setObjectName("restoredNote");
    m_restored->setWordWrap(true);
    m_restored->setFont(small);
    m_restored->setVisible(false);
    m_defaults->setObjectName("restoreDefaults");
    m_defaults->setText(tr("Restore defaults"));
    m_defaults->setToolTip(tr("Every setting of the form, the epochs and the seed back to their defaults"));
    auto* restoredRow = new QHBoxLayout;
    restoredRow->addWidget(m_restored, 1);
    restoredRow->addWidget(m_defaults, 0, Qt::AlignTop);
    modelLayout->addLayout(restoredRow);
    connect(m_defaults, &QPushButton::clicked, this, &ControlPanel::defaultsRequested);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    modelLayout->addWidget(scroll, 1);
    // Epochs and seed share a row: the form keeps its height for the settings.
    auto* runRow = new QHBoxLayout;
    auto* epochsLabel = new QLabel(tr("Epochs"), this);
    auto* seedLabel = new QLabel(tr("Seed"), this);
    epochsLabel->setBuddy(m_epochs);
    seedLabel->setBuddy(m_seed);
    runRow->addWidget(epochsLabel);
    runRow->addWidget(m_epochs, 1);
    runRow->addWidget(seedLabel);
    runRow->addWidget(m_seed, 1);
    modelLayout->addLayout(runRow);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(data);
    layout->addWidget(model, 1);
    layout->addWidget(m_buttons);

    connect(m_dataset, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_quiet)
            emit datasetChosen(datasetSpec());
    });
    connect(m_limit, &QSpinBox::valueChanged, this, [this](int v) {
        if (!m_quiet)
            emit sampleLimitChanged(v);
    });
    connect(m_variant, &QComboBox::currentIndexChanged, this, [this] {
        const VariantInfo& info = variantInfo(variant().toStdString());
        m_summary->setText(coreText(info.summary));
        emit variantChanged(variant());
    });
    m_summary->setText(coreText(variants().front().summary));
}

void ControlPanel::setRunActions(const QList<QAction*>& actions)
{
    auto* grid = new QGridLayout(m_buttons);
    grid->setContentsMargins(0, 0, 0, 0);
    int i = 0;
    for (QAction* action : actions) {
        auto* button = new QToolButton(m_buttons);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        button->setObjectName("button_" + action->objectName());
        // Train spans the first row; the rest share the second and third.
        if (i == 0)
            grid->addWidget(button, 0, 0, 1, 2);
        else
            grid->addWidget(button, 1 + (i - 1) / 2, (i - 1) % 2);
        ++i;
    }
}

QString ControlPanel::datasetSpec() const { return m_dataset->currentData().toString(); }

void ControlPanel::setDatasetSpec(const QString& spec)
{
    m_quiet = true;
    int index = m_dataset->findData(spec);
    if (index < 0) {
        const QFileInfo info(spec.startsWith("idx:") ? spec.mid(4).section(',', 0, 0) : spec);
        m_dataset->addItem(info.fileName().isEmpty() ? spec : info.fileName(), spec);
        index = m_dataset->count() - 1;
        m_dataset->setItemData(index, spec, Qt::ToolTipRole);
    }
    m_dataset->setCurrentIndex(index);
    m_quiet = false;
}

void ControlPanel::setDatasetInfo(const Dataset* data, const QString& busyText)
{
    if (!busyText.isEmpty()) {
        m_datasetInfo->setText(busyText);
        return;
    }
    if (!data) {
        m_datasetInfo->setText(tr("No dataset loaded."));
        return;
    }
    const SampleShape& s = data->shape;
    const QString shape = s.isImage() ? tr("%1×%2 images").arg(s.height).arg(s.width)
                                      : tr("%1-D points").arg(data->features());
    const QString classes = data->classNames.empty() ? tr("unlabelled") : tr("%1 classes").arg(data->classNames.size());
    m_datasetInfo->setText(tr("%1 train / %2 test, %3, %4")
                               .arg(data->trainX.rows()).arg(data->testX.rows()).arg(shape, classes));
}

int ControlPanel::sampleLimit() const { return m_limit->value(); }

void ControlPanel::setSampleLimit(int limit)
{
    m_quiet = true;
    m_limit->setValue(std::max(0, limit));
    m_quiet = false;
}

QString ControlPanel::variant() const { return m_variant->currentData().toString(); }

void ControlPanel::setVariant(const QString& key)
{
    const int index = m_variant->findData(key);
    if (index >= 0 && index != m_variant->currentIndex())
        m_variant->setCurrentIndex(index);
}

void ControlPanel::setAdvancedHidden(bool hidden)
{
    m_form->setAdvancedHidden(hidden);
    // The form gets the room: the variant's summary, the note on restored
    // settings and Restore defaults go too.
    m_summary->setVisible(!hidden);
    m_restored->setVisible(!hidden && !m_restored->text().isEmpty());
    m_defaults->setVisible(!hidden);
    m_seed->setVisible(!hidden);
    for (QLabel* label : findChildren<QLabel*>())
        if (label->buddy() == m_seed)
            label->setVisible(!hidden);
}

int ControlPanel::epochs() const { return m_epochs->value(); }
void ControlPanel::setEpochs(int epochs) { m_epochs->setValue(epochs); }
quint64 ControlPanel::seed() const { return quint64(m_seed->value()); }
void ControlPanel::setSeed(quint64 seed) { m_seed->setValue(int(std::min<quint64>(seed, 2'000'000'000))); }

void ControlPanel::setRestoredNote(const QString& text)
{
    m_restored->setText(text);
    m_restored->setVisible(!text.isEmpty());
}

void ControlPanel::setRestoredNoteDetails(const QString& text) { m_restored->setToolTip(text); }

QString ControlPanel::restoredNote() const { return m_restored->text(); }

void ControlPanel::setRunLocked(bool locked)
{
    m_defaults->setEnabled(!locked);
    m_dataset->setEnabled(!locked);
    m_limit->setEnabled(!locked);
    m_variant->setEnabled(!locked);
    m_epochs->setEnabled(!locked);
    m_seed->setEnabled(!locked);
    m_form->setTrainingLocked(locked);
}

} // namespace aelab::ui
