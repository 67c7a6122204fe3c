#pragma once
// File > Recent: the sessions, models and data files opened or saved last,
// newest first, kept in QSettings ("recent/files"). Choosing one whose file
// is gone removes it and says so.
#include <QObject>
#include <QString>
#include <QStringList>

class QMenu;

namespace aelab::ui {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    enum class Kind { Session, Model, Dataset };
    static constexpr int kMax = 10;

    explicit RecentFiles(QMenu* menu, QObject* parent = nullptr);

    // Moves `path` to the top (a dataset takes its spec: "idx:...", a .csv, a folder).
    void add(Kind kind, const QString& path);
    QStringList entries() const;   // "session:/path", "model:/path", "dataset:spec", newest first
    // What choosing an entry of the menu does: chosen(), or missing() and the
    // entry removed when its file is gone.
    void choose(const QString& entry);

signals:
    void chosen(aelab::ui::RecentFiles::Kind kind, const QString& path);
    void missing(const QString& path);   // chosen, but no longer there (and removed)

private:
    void rebuild();
    void save(const QStringList& entries);

    QMenu* m_menu;
};

} // namespace aelab::ui
