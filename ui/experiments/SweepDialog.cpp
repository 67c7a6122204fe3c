#include "experiments/SweepDialog.h"

#include "i18n/CoreText.h"
#include "models/Registry.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace aelab::ui {

namespace {

// Values a user is likely to want for a key, as a starting point.
QString suggestedValues(const std::string& key)
{
    if (key == "lr")
        return "1e-4:1e-1:4:log";
    if (key == "batch")
        return "16,64,256,1024";
    if (key == "epochs")
        return "1,2,4,8";
    if (key == "latent")
        return "2,4,8,16";
    if (key == "beta")
        return "0.1,1,4";
    return {};
}

} // namespace

SweepDialog::SweepDialog(const RunSettings& base, QWidget* parent)
    : QDialog(parent), m_base(base), m_key(new QComboBox), m_values(new QLineEdit), m_seeds(new QSpinBox),
      m_preview(new QLabel)
{
    setWindowTitle(tr("Sweep a setting"));
    const VariantInfo& variant = variantInfo(base.variant);
    for (const std::string& key : sweepableKeys(variant)) {
        const ParamSpec* spec = findSpec(variant.specs, key);
        m_key->addItem(spec ? coreText(spec->label) + " (" + QString::fromStdString(key) + ")" : tr("Epochs"),
                       QString::fromStdString(key));
    }
    m_values->setToolTip(tr("A list (16,64,256), or a range lo:hi:n with even steps, or lo:hi:n:log with equal "
                            "ratios (1e-5:1e-1:5:log)"));
    m_seeds->setRange(1, 10);
    m_seeds->setToolTip(tr("Runs per value, with seeds %1, %2, ...: the spread over seeds shows how much of a "
                           "difference is noise").arg(base.seed).arg(base.seed + 1));
    m_preview->setWordWrap(true);
    auto* explain = new QLabel(tr("Every run shares the form's other settings (%1, %2 epochs) and trains one after "
                                  "another; each becomes a run of the Runs tab, which plots the final loss "
                                  "against the value when the sweep ends.")
                                   .arg(QString::fromStdString(base.variant))
                                   .arg(base.epochs));
    explain->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Train the sweep"));
    auto* form = new QFormLayout(this);
    form->addRow(explain);
    form->addRow(tr("Setting"), m_key);
    form->addRow(tr("Values"), m_values);
    form->addRow(tr("Seeds per value"), m_seeds);
    form->addRow(m_preview);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_key, &QComboBox::currentIndexChanged, this, [this] {
        m_values->setText(suggestedValues(m_key->currentData().toString().toStdString()));
        preview();
    });
    connect(m_values, &QLineEdit::textChanged, this, [this] { preview(); });
    connect(m_seeds, &QSpinBox::valueChanged, this, [this] { preview(); });
    const int lr = m_key->findData(QString("lr"));
    m_key->setCurrentIndex(lr >= 0 ? lr : 0);
    m_values->setText(suggestedValues(m_key->currentData().toString().toStdString()));
    preview();
}

void SweepDialog::setSweep(const QString& key, const QString& values, int seeds)
{
    m_key->setCurrentIndex(m_key->findData(key));
    m_values->setText(values);
    m_seeds->setValue(seeds);
    preview();
}

void SweepDialog::preview()
{
    m_plan.clear();
    m_problem.clear();
    try {
        const VariantInfo& variant = variantInfo(m_base.variant);
        m_spec = parseSweepSpec(m_key->currentData().toString().toStdString() + "=" + m_values->text().toStdString(),
                                variant, 100);
        m_plan = expandSweep(m_base, m_spec, m_seeds->value());
        QStringList values;
        for (std::size_t i = 0; i < m_spec.values.size(); ++i)
            values << QString::fromStdString(m_spec.valueText(i));
        m_preview->setText(tr("%n run(s): ", nullptr, int(m_plan.size())) + values.join(", ")
                           + (m_seeds->value() > 1 ? tr(", each with %1 seeds").arg(m_seeds->value()) : QString()));
        m_preview->setStyleSheet({});
    } catch (const std::exception& e) {
        m_problem = QString::fromStdString(e.what());
        m_preview->setText(m_problem);
        m_preview->setStyleSheet("color: #b00020");
    }
    if (m_ok)
        m_ok->setEnabled(valid());
}

std::vector<RunRequest> SweepDialog::requests() const
{
    std::vector<RunRequest> requests;
    for (const SweepRunPlan& p : m_plan) {
        RunRequest r;
        r.settings = p.settings;
        r.name = m_spec.key + "=" + m_spec.valueText(std::size_t(p.index / std::max(1, m_seeds->value())));
        if (m_seeds->value() > 1)
            r.name += " (" + tr("seed %1").arg(p.settings.seed).toStdString() + ")";
        requests.push_back(std::move(r));
    }
    return requests;
}

} // namespace aelab::ui
