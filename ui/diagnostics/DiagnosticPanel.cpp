#include "diagnostics/DiagnosticPanel.h"

#include "i18n/CoreText.h"

#include "models/Registry.h"

namespace aelab::ui {

DiagnosticPanel::DiagnosticPanel(const QString& key, const QString& title, ExploreClient* client, QWidget* parent)
    : QWidget(parent), m_client(client), m_key(key), m_title(title)
{
    setObjectName("diagnostic-" + key);
}

void DiagnosticPanel::ask(ExploreJob job, std::function<void(const std::any&)> show)
{
    m_client->request("diagnostic." + m_key.toStdString(), std::move(job), [this, show](const ExploreReply& r) {
        if (!r.error.empty())
            return;
        show(r.value);
        m_hasResult = true;
        emit updated();
    });
}

bool DiagnosticPanel::appliesTo(const VariantInfo& variant, const Dataset&) const
{
    return variant.hasDiagnostic(m_key.toStdString());
}

QString DiagnosticPanel::className(int label) const
{
    if (label < 0)
        return tr("unlabelled");
    return label < int(m_classNames.size()) ? coreText(m_classNames[std::size_t(label)])
                                            : tr("class %1").arg(label);
}

} // namespace aelab::ui
