#include "i18n/FormWords.h"

#include "i18n/CoreText.h"

#include "models/Registry.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <map>

namespace aelab::ui {

namespace {

// Every variant's setting keys with their labels, and the run's own settings.
std::map<QString, QString> formLabels()
{
    std::map<QString, QString> labels{
        {"epochs", QCoreApplication::translate("aelab::ui::ControlPanel", "Epochs")},
        {"seed", QCoreApplication::translate("aelab::ui::ControlPanel", "Seed")},
        {"limit", QCoreApplication::translate("aelab::ui::ControlPanel", "Samples")},
    };
    for (const VariantInfo& v : variants())
        for (const ParamSpec& spec : v.specs)
            labels.emplace(QString::fromStdString(spec.key), coreText(spec.label));
    return labels;
}

} // namespace

QString inFormWords(const QString& message)
{
    static const QRegularExpression flag("--([a-z][a-z0-9-]*)");
    const std::map<QString, QString> labels = formLabels();
    QString out;
    qsizetype from = 0;
    for (auto it = flag.globalMatch(message); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += message.mid(from, m.capturedStart() - from);
        const auto label = labels.find(m.captured(1));
        out += label == labels.end() ? m.captured(0) : QString("“%1”").arg(label->second);
        from = m.capturedEnd();
    }
    return out + message.mid(from);
}

} // namespace aelab::ui
