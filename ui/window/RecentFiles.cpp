#include "window/RecentFiles.h"

#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace aelab::ui {

namespace {

const char* const kKey = "recent/files";

QString prefixOf(RecentFiles::Kind kind)
{
    switch (kind) {
    case RecentFiles::Kind::Session: return "session:";
    case RecentFiles::Kind::Model: return "model:";
    case RecentFiles::Kind::Dataset: return "dataset:";
    }
    return {};
}

// The file on disk behind a dataset spec ("idx:images,labels" -> images).
QString fileOf(const QString& spec)
{
    return spec.startsWith("idx:") ? spec.mid(4).section(',', 0, 0) : spec;
}

} // namespace

RecentFiles::RecentFiles(QMenu* menu, QObject* parent) : QObject(parent), m_menu(menu) { rebuild(); }

QStringList RecentFiles::entries() const { return QSettings().value(kKey).toStringList(); }

void RecentFiles::save(const QStringList& entries)
{
    QSettings().setValue(kKey, entries);
    rebuild();
}

void RecentFiles::add(Kind kind, const QString& path)
{
    if (path.isEmpty())
        return;
    const QString entry = prefixOf(kind) + path;
    QStringList list = entries();
    list.removeAll(entry);
    list.prepend(entry);
    while (list.size() > kMax)
        list.removeLast();
    save(list);
}

void RecentFiles::choose(const QString& entry)
{
    const Kind kind = entry.startsWith("session:") ? Kind::Session
                      : entry.startsWith("model:") ? Kind::Model
                                                   : Kind::Dataset;
    const QString path = entry.mid(prefixOf(kind).size());
    if (!QFileInfo::exists(fileOf(path))) {
        QStringList list = entries();
        list.removeAll(entry);
        save(list);
        emit missing(path);
        return;
    }
    emit chosen(kind, path);
}

void RecentFiles::rebuild()
{
    m_menu->clear();
    const QStringList list = entries();
    for (const QString& entry : list) {
        const Kind kind = entry.startsWith("session:") ? Kind::Session
                          : entry.startsWith("model:") ? Kind::Model
                                                       : Kind::Dataset;
        const QString path = entry.mid(prefixOf(kind).size());
        const QString what = kind == Kind::Session ? tr("Session") : kind == Kind::Model ? tr("Model") : tr("Data");
        QAction* action = m_menu->addAction(tr("%1: %2").arg(what, QFileInfo(fileOf(path)).fileName()));
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, entry] { choose(entry); });
    }
    if (list.isEmpty())
        m_menu->addAction(tr("(none yet)"))->setEnabled(false);
    else {
        m_menu->addSeparator();
        m_menu->addAction(tr("Clear the list"), this, [this] { save({}); });
    }
}

} // namespace aelab::ui
