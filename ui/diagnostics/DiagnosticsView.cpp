#include "diagnostics/DiagnosticsView.h"

#include "training/LossTermTips.h"
#include "window/SampleSelection.h"
#include "models/Registry.h"

#include "diagnostics/PriorDiagnostic.h"
#include "diagnostics/CaeDiagnostic.h"
#include "worker/ExploreClient.h"
#include "diagnostics/FieldDiagnostic.h"
#include "diagnostics/HashingDiagnostic.h"
#include "diagnostics/MaskedDiagnostic.h"
#include "diagnostics/SparseDiagnostic.h"
#include "diagnostics/SubspaceDiagnostic.h"
#include "diagnostics/StackedDiagnostic.h"
#include "diagnostics/SwitchDiagnostic.h"
#include "diagnostics/VaeDiagnostic.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace aelab::ui {

DiagnosticsView::DiagnosticsView(const ViewContext& context, QWidget* parent)
    : View("diagnostics", tr("Diagnostics"), parent), m_client(new ExploreClient(context.controller, this)), m_title(new QLabel(this)),
      m_chooser(new QComboBox(this)), m_refresh(new QPushButton(tr("Refresh"), this)), m_stack(new QStackedWidget(this)), m_none(new QLabel(this))
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
                new PriorDiagnostic(m_client, this),  new CaeDiagnostic(m_client, this),
                new FieldDiagnostic(m_client, this),  new MaskedDiagnostic(m_client, this),
                new HashingDiagnostic(m_client, this), new StackedDiagnostic(m_client, this),
                new SwitchDiagnostic(m_client, this), new SubspaceDiagnostic(m_client, this)};
    for (DiagnosticPanel* p : m_panels) {
        m_stack->addWidget(p);
        p->setEnabled(false);
    }
    m_chooser->setObjectName("diagnosticsChooser");
    m_chooser->setToolTip(tr("Another diagnostic of this variant"));
    auto* row = new QHBoxLayout;
    row->addWidget(m_title, 1);
    row->addWidget(m_chooser);
    row->addWidget(m_refresh);
    connect(m_chooser, &QComboBox::activated, this, [this](int index) {
        if (DiagnosticPanel* p = panel(m_chooser->itemData(index).toString()); p && p != m_active) {
            showPanel(p);
            request();
        }
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(row);
    layout->addWidget(m_stack, 1);
    connect(m_refresh, &QPushButton::clicked, this, &DiagnosticsView::request);
    if (context.selection)
        connect(context.selection, &SampleSelection::chosen, this, [this](int sample) {
            if (m_active)
                m_active->sampleChosen(sample);
        });
    m_since.start();
    choose();
}

void DiagnosticsView::setDataset(const DatasetPtr& data)
{
    m_data = data;
    for (DiagnosticPanel* p : m_panels) {
        p->setShape(data->shape);
        p->setClassNames(data->classNames);
    }
    clear();
    choose();
}

void DiagnosticsView::setVariant(const VariantInfo* variant)
{
    m_variant = variant;
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
    // In the order the variant's traits name them: the first that applies is
    // shown, the others are a choice away.
    m_chooser->clear();
    DiagnosticPanel* first = nullptr;
    if (m_variant && m_data)
        for (const std::string& key : m_variant->traits.diagnostics)
            if (DiagnosticPanel* p = panel(QString::fromStdString(key)); p && p->appliesTo(*m_variant, *m_data)) {
                m_chooser->addItem(p->title(), p->key());
                if (!first)
                    first = p;
            }
    m_chooser->setVisible(m_chooser->count() > 1);
    showPanel(first);
}

void DiagnosticsView::showPanel(DiagnosticPanel* active)
{
    m_active = active;
    for (DiagnosticPanel* p : m_panels)
        p->setEnabled(p == m_active);
    const QString variant = m_variant ? QString::fromStdString(m_variant->key) : QString();
    if (m_active) {
        m_stack->setCurrentWidget(m_active);
        m_chooser->setCurrentIndex(m_chooser->findData(m_active->key()));
        m_title->setText(QString("%1 — %2").arg(variant, m_active->title()));
        m_title->setToolTip(diagnosticTip(m_active->key()));   // what it shows, in which units
    } else {
        m_stack->setCurrentWidget(m_none);
        m_title->setText(tr("Diagnostics"));
        m_title->setToolTip({});
        m_none->setText(!m_variant ? tr("Train or open a model: its variant's diagnostic appears here.")
                                   : tr("No diagnostic for %1 on this dataset. The vector field is for ae and dae on a "
                                        "2-D set (moons, circles, spiral, gaussians), the unpooling switches for ae on "
                                        "images; the other variants each have their own.").arg(variant));
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
