#include "diagnostics/DiagnosticsView.h"

#include "diagnostics/AaeDiagnostic.h"
#include "diagnostics/CaeDiagnostic.h"
#include "worker/ExploreClient.h"
#include "diagnostics/FieldDiagnostic.h"
#include "diagnostics/HashingDiagnostic.h"
#include "diagnostics/MaskedDiagnostic.h"
#include "diagnostics/SparseDiagnostic.h"
#include "diagnostics/StackedDiagnostic.h"
#include "diagnostics/VaeDiagnostic.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace aelab::ui {

DiagnosticsView::DiagnosticsView(TrainingController* controller, QWidget* parent)
    : QWidget(parent), m_client(new ExploreClient(controller, this)), m_title(new QLabel(this)),
      m_refresh(new QPushButton(tr("Refresh"), this)), m_stack(new QStackedWidget(this)), m_none(new QLabel(this))
{
    setObjectName("diagnosticsView");
    m_refresh->setObjectName("diagnosticsRefresh");
    m_title->setObjectName("diagnosticsTitle");
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_none->setObjectName("noDiagnostic");
    m_none->setAlignment(Qt::AlignCenter);
    m_none->setWordWrap(true);
    m_stack->addWidget(m_none);
    m_panels = {new SparseDiagnostic(m_client, this), new VaeDiagnostic(m_client, this),
                new AaeDiagnostic(m_client, this),    new CaeDiagnostic(m_client, this),
                new FieldDiagnostic(m_client, this),  new MaskedDiagnostic(m_client, this),
                new HashingDiagnostic(m_client, this), new StackedDiagnostic(m_client, this)};
    for (DiagnosticPanel* p : m_panels) {
        m_stack->addWidget(p);
        p->setEnabled(false);
    }
    auto* row = new QHBoxLayout;
    row->addWidget(m_title, 1);
    row->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(row);
    layout->addWidget(m_stack, 1);
    connect(m_refresh, &QPushButton::clicked, this, &DiagnosticsView::request);
    m_since.start();
    choose();
}

void DiagnosticsView::setDataset(const Dataset& data)
{
    m_data = std::make_shared<const Dataset>(Dataset{data.name, data.shape, Matrix(0, data.features()), {}, {}, {},
                                                     data.classNames, data.fingerprint});
    for (DiagnosticPanel* p : m_panels) {
        p->setShape(data.shape);
        p->setClassNames(data.classNames);
    }
    clear();
    choose();
}

void DiagnosticsView::setVariant(const QString& key)
{
    m_variant = key;
    clear();
    choose();
}

void DiagnosticsView::clear()
{
    for (DiagnosticPanel* p : m_panels)
        p->clear();
}

void DiagnosticsView::choose()
{
    m_active = nullptr;
    const Dataset& data = m_data ? *m_data : m_empty;
    for (DiagnosticPanel* p : m_panels) {
        const bool applies = !m_variant.isEmpty() && p->appliesTo(m_variant, data);
        p->setEnabled(applies);
        if (applies && !m_active)
            m_active = p;
    }
    if (m_active) {
        m_stack->setCurrentWidget(m_active);
        m_title->setText(QString("%1 — %2").arg(m_variant, m_active->title()));
    } else {
        m_stack->setCurrentWidget(m_none);
        m_title->setText(tr("Diagnostics"));
        m_none->setText(m_variant.isEmpty()
                            ? tr("Train or open a model: its variant's diagnostic appears here.")
                            : tr("No diagnostic for %1 on this dataset. The vector field is for ae and dae on a "
                                 "2-D set (moons, circles, spiral, gaussians); sparse, vae, aae, cae, masked, "
                                 "hashing and stacked each have their own.").arg(m_variant));
    }
    m_refresh->setEnabled(m_active != nullptr);
}

DiagnosticPanel* DiagnosticsView::activePanel() const { return m_active; }

DiagnosticPanel* DiagnosticsView::panel(const QString& key) const
{
    for (DiagnosticPanel* p : m_panels)
        if (p->key() == key)
            return p;
    return nullptr;
}

QString DiagnosticsView::noneText() const { return m_none->text(); }

void DiagnosticsView::consume(const Snapshot& s)
{
    if (!m_active)
        return;
    m_active->consume(s);
    if (!s.latent || !isVisible())
        return;
    const bool final = s.status != RunStatus::Running;
    if (final || (m_active->refreshesLive() && m_since.elapsed() >= kRefreshMs && !m_client->anyPending()))
        request();
}

void DiagnosticsView::request()
{
    if (!m_active)
        return;
    m_since.restart();
    m_active->request();
}

void DiagnosticsView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_active && m_active->refreshesLive())
        request();
}

} // namespace aelab::ui
