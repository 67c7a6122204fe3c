#include "form/ParamFields.h"

#include "i18n/CoreText.h"

#include "models/HyperParams.h"

#include <QLineEdit>
#include <QRegularExpression>

#include <climits>
#include <cmath>

namespace aelab::ui {

QString fieldHelp(const ParamSpec& spec)
{
    return coreText(spec.help) + "  " + QString::fromStdString(describeRange(spec));
}

void setInvalidLook(QWidget* field, bool invalid, const QString& help, const QString& why)
{
    field->setStyleSheet(invalid ? "background: #ffe0e0;" : "");
    field->setToolTip(invalid ? why + "\n" + help : help);
}

RealSpinBox::RealSpinBox(const ParamSpec& spec, QWidget* parent)
    : QDoubleSpinBox(parent), m_spec(spec),
      m_help(fieldHelp(spec))
{
    setLocale(QLocale::c());
    setDecimals(12);   // the text is formatted by textFromValue; this only bounds rounding
    setRange(spec.min, spec.max);
    setKeyboardTracking(false);
    setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
    // A sensible linear step: a tenth of the default's order of magnitude.
    const double d = spec.defaultValue.is_number() ? std::abs(spec.defaultValue.get<double>()) : 0.0;
    setSingleStep(d > 0 ? std::pow(10.0, std::floor(std::log10(d))) / 10.0 : (spec.max - spec.min >= 10 ? 1.0 : 0.01));
    setToolTip(m_help);
    connect(lineEdit(), &QLineEdit::textEdited, this, &RealSpinBox::markValidity);
    connect(this, &QAbstractSpinBox::editingFinished, this, [this] { setInvalidLook(this, false, m_help, {}); });
}

QString RealSpinBox::textFromValue(double value) const { return QString::number(value, 'g', 6); }

double RealSpinBox::valueFromText(const QString& text) const { return text.trimmed().toDouble(); }

QValidator::State RealSpinBox::validate(QString& text, int&) const
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QValidator::Intermediate;
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok) {
        // Partial input of a number in scientific notation: "1e", "-", "1e-".
        static const QRegularExpression partial("^[-+]?[0-9]*\\.?[0-9]*([eE][-+]?[0-9]*)?$");
        return partial.match(t).hasMatch() ? QValidator::Intermediate : QValidator::Invalid;
    }
    return (v >= minimum() && v <= maximum()) ? QValidator::Acceptable : QValidator::Intermediate;
}

void RealSpinBox::fixup(QString& text) const
{
    // Out-of-range text is refused: back to the value held.
    text = textFromValue(value());
}

void RealSpinBox::markValidity(const QString& text)
{
    QString t = text;
    int pos = 0;
    const bool bad = validate(t, pos) != QValidator::Acceptable;
    setInvalidLook(this, bad, m_help, tr("%1 is not accepted: %2 must be in %3").arg(text, coreText(m_spec.label), rangeText()));
}

QString RealSpinBox::rangeText() const
{
    const QString range = QString("[%1, %2]").arg(textFromValue(minimum()), textFromValue(maximum()));
    return m_why.isEmpty() ? range : range + " (" + m_why + ")";
}

void RealSpinBox::setBounds(double min, double max, const QString& why)
{
    m_why = why;
    setRange(min, max);
}

void RealSpinBox::stepBy(int steps)
{
    if (!m_spec.logScale) {
        QDoubleSpinBox::stepBy(steps);
        return;
    }
    // Log scale: walk the 1-2-5 sequence (1e-3, 2e-3, 5e-3, 1e-2, ...).
    double v = value() > 0 ? value() : m_spec.min;
    for (int i = 0; i < std::abs(steps); ++i) {
        const double decade = std::pow(10.0, std::floor(std::log10(v) + 1e-9));
        const double m = v / decade;
        if (steps > 0)
            v = (m < 1.99 ? 2 : m < 4.99 ? 5 : 10) * decade;
        else
            v = (m > 5.01 ? 5 : m > 2.01 ? 2 : m > 1.01 ? 1 : 0.5) * decade;
    }
    setValue(std::clamp(v, minimum(), maximum()));
}

IntSpinBox::IntSpinBox(const ParamSpec& spec, QWidget* parent)
    : QSpinBox(parent), m_spec(spec), m_help(fieldHelp(spec))
{
    setRange(int(std::max<double>(spec.min, INT_MIN)), int(std::min<double>(spec.max, INT_MAX)));
    setKeyboardTracking(false);
    setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
    setToolTip(m_help);
    connect(lineEdit(), &QLineEdit::textEdited, this, [this](const QString& text) {
        QString t = text;
        int pos = 0;
        setInvalidLook(this, validate(t, pos) != QValidator::Acceptable, m_help,
                       tr("%1 is not accepted: %2 must be in %3").arg(text, coreText(m_spec.label), rangeText()));
    });
    connect(this, &QAbstractSpinBox::editingFinished, this, [this] { setInvalidLook(this, false, m_help, {}); });
}

QValidator::State IntSpinBox::validate(QString& text, int&) const
{
    // Unlike QSpinBox, a number out of range is held as Intermediate (not
    // cut short as it is typed), so Enter refuses it as a whole.
    const QString t = text.trimmed();
    if (t.isEmpty() || t == "-" || t == "+")
        return QValidator::Intermediate;
    bool ok = false;
    const long long v = t.toLongLong(&ok);
    if (!ok)
        return QValidator::Invalid;
    return (v >= minimum() && v <= maximum()) ? QValidator::Acceptable : QValidator::Intermediate;
}

void IntSpinBox::fixup(QString& text) const { text = textFromValue(value()); }

QString IntSpinBox::rangeText() const
{
    const QString range = QString("[%1, %2]").arg(minimum()).arg(maximum());
    return m_why.isEmpty() ? range : range + " (" + m_why + ")";
}

void IntSpinBox::setBounds(double min, double max, const QString& why)
{
    m_why = why;
    setRange(int(std::max<double>(min, INT_MIN)), int(std::min<double>(max, INT_MAX)));
}

QValidator::State IntListValidator::validate(QString& text, int&) const
{
    static const QRegularExpression shape("^\\s*[0-9]*(\\s*,\\s*[0-9]*)*\\s*$");
    if (!shape.match(text).hasMatch())
        return Invalid;
    try {
        parseValue(m_spec, text.toStdString());
        return Acceptable;
    } catch (const std::exception&) {
        return Intermediate;
    }
}

IntListEdit::IntListEdit(const ParamSpec& spec, QWidget* parent)
    : QLineEdit(parent), m_spec(spec), m_help(fieldHelp(spec))
{
    setValidator(new IntListValidator(spec, this));
    setToolTip(m_help);
    connect(this, &QLineEdit::textEdited, this, [this](const QString& text) {
        try {
            parseValue(m_spec, text.toStdString());
            setInvalidLook(this, false, m_help, {});
        } catch (const std::exception& e) {
            setInvalidLook(this, true, m_help, QString::fromStdString(e.what()));
        }
    });
    connect(this, &QLineEdit::editingFinished, this, [this] {
        if (text() != m_value) {
            m_value = text();
            emit valueChanged(m_value);
        }
    });
}

void IntListEdit::focusOutEvent(QFocusEvent* event)
{
    // Leaving the field with unacceptable text restores the last valid value.
    QString t = text();
    int pos = 0;
    if (validator()->validate(t, pos) != QValidator::Acceptable)
        setValue(m_value);
    QLineEdit::focusOutEvent(event);
}

void IntListEdit::setValue(const QString& text)
{
    m_value = text;
    setText(text);
    setInvalidLook(this, false, m_help, {});
}

} // namespace aelab::ui
