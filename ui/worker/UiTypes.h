#pragma once
// Types that cross the thread boundary by queued signal, registered with Qt's
// meta-type system, and the run request the window sends to the worker.
#include "worker/ExploreJob.h"
#include "experiment/RunRecord.h"
#include "data/Dataset.h"
#include "train/Run.h"
#include "train/Snapshot.h"

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace aelab::ui {

// Datasets are immutable once loaded and shared between the threads.
using DatasetPtr = std::shared_ptr<const Dataset>;

struct RunRequest {
    RunSettings settings;
    bool startPaused = false;      // Step pressed with no run: start paused
    int threads = 0;               // threads of the core's pool for training; 0: the default
    std::uint64_t runId = 0;       // set by TrainingController
    // "Run again with one change": start from these weights (a kept run's
    // initial weights) instead of drawing new ones; they must fit the model.
    std::shared_ptr<const WeightSet> initialWeights;
    std::string name;              // the kept run's name ("" : the run list's "Run N")
    // File > Resume: continue the run saved in this model file exactly where
    // it stopped (train/Resume.h), on the loaded data; settings are the file's.
    std::string resumeFrom;
};

// A finished, stopped or diverged run, kept for the run list.
using RunRecordPtr = std::shared_ptr<const RunRecord>;

// What the window needs to know about a model the worker holds now. Every
// signal about a run carries its id: after a Reset the controller drops
// what the stopped run still had in flight.
struct ModelInfo {
    std::uint64_t runId = 0;
    QString variant;
    nlohmann::json hyperParams;
    QString datasetSpec;           // as the dataset picker names it
    QString path;                  // the file it came from, if opened
    int latentSize = 0;
    long long parameters = 0;
};

void registerMetaTypes();

} // namespace aelab::ui

Q_DECLARE_METATYPE(aelab::Snapshot)
Q_DECLARE_METATYPE(aelab::ui::DatasetPtr)
Q_DECLARE_METATYPE(aelab::ui::ModelInfo)
Q_DECLARE_METATYPE(aelab::ui::ExploreReply)
Q_DECLARE_METATYPE(aelab::Matrix)
Q_DECLARE_METATYPE(aelab::ui::RunRecordPtr)
