#include "experiments/RunAgainDialog.h"

#include "i18n/CoreText.h"
#include "models/Registry.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace aelab::ui {

RunAgainDialog::RunAgainDialog(const RunRecord& run, QWidget* parent)
    : QDialog(parent), m_run(run), m_key(new QComboBox), m_value(new QLineEdit), m_range(new QLabel)
{
    setWindowTitle(tr("Run %1 again with one change").arg(QString::fromStdString(run.name)));
    const VariantInfo& info = variantInfo(run.settings.variant);
    m_key->addItem(tr("Epochs"), QString("epochs"));
    for (const ParamSpec& spec : info.specs)
        m_key->addItem(coreText(spec.label) + " (" + QString::fromStdString(spec.key) + ")",
                       QString::fromStdString(spec.key));
    m_range->setWordWrap(true);
    auto* explain = new QLabel(tr("The new run keeps the seed, and with it the batch order; it starts from the "
                                  "same initial weights when the change leaves the network's shape alone, so "
                                  "the difference between the two runs is the change and not the noise."));
    explain->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Train"));
    auto* form = new QFormLayout(this);
    form->addRow(explain);
    form->addRow(tr("Setting"), m_key);
    form->addRow(tr("New value"), m_value);
    form->addRow(m_range);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_key, &QComboBox::currentIndexChanged, this, [this] { showKey(); });
    const int lr = m_key->findData(QString("lr"));
    m_key->setCurrentIndex(lr >= 0 ? lr : 0);
    showKey();
}

QString RunAgainDialog::key() const { return m_key->currentData().toString(); }
QString RunAgainDialog::value() const { return m_value->text().trimmed(); }

void RunAgainDialog::showKey()
{
    const std::string key = this->key().toStdString();
    if (key == "epochs") {
        m_value->setText(QString::number(m_run.settings.epochs));
        m_range->setText(tr("Now %1; a whole number in [1, 100000].").arg(m_run.settings.epochs));
        return;
    }
    const ParamSpec* spec = findSpec(variantInfo(m_run.settings.variant).specs, key);
    const nlohmann::json settings = m_run.settingsJson();
    const nlohmann::json now = settings.value(key, spec ? spec->defaultValue : nlohmann::json());
    const QString nowText = now.is_string() ? QString::fromStdString(now.get<std::string>())
                                            : QString::fromStdString(now.dump());
    m_value->setText(nowText);
    m_range->setText(tr("Now %1; allowed: %2.").arg(nowText, spec ? QString::fromStdString(describeRange(*spec)) : QString()));
}

} // namespace aelab::ui
