#!/usr/bin/env python3
# Markdown tables from what bench/experiments.sh wrote into a folder:
#   probe_<variant>.csv     test accuracy per features x classifier x labels per class
#   finetune_<variant>.csv  test accuracy from the autoencoder's weights and from random
#   sweep_batch.json        each batch size's validation loss after every epoch, against
#                           samples seen and seconds of training
#   sweep_lr.json           each learning rate's final train/val loss
import csv, glob, json, os, sys

out = sys.argv[1] if len(sys.argv) > 1 else "bench/out/experiments"

def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))

def pct(x):
    return f"{100 * float(x):.1f}"

for path in sorted(glob.glob(os.path.join(out, "probe_*.csv"))):
    r = rows(path)
    if not r:
        continue
    budgets = list(dict.fromkeys(x["labels_per_class"] for x in r))
    print(f"### Probe: {r[0]['variant']} on {r[0]['dataset']} "
          f"(test accuracy %, {r[0]['test_samples']} test images)\n")
    print("| features | classifier | " + " | ".join(f"{b}/class" if b != "all" else "all labels" for b in budgets) + " |")
    print("|---|---|" + "---:|" * len(budgets))
    for key in dict.fromkeys((x["features"], x["dimensions"], x["classifier"]) for x in r):
        cells = {x["labels_per_class"]: x["test_accuracy"] for x in r
                 if (x["features"], x["dimensions"], x["classifier"]) == key}
        print(f"| {key[0]} ({key[1]}) | {key[2]} | " + " | ".join(pct(cells[b]) if b in cells else "-" for b in budgets) + " |")
    print()

ft = sorted(glob.glob(os.path.join(out, "finetune_*.csv")))
if ft:
    print("### Fine-tune: encoder + softmax head (test accuracy %: from the autoencoder / from random)\n")
    table = {}
    budgets = []
    for path in ft:
        for x in rows(path):
            b = x["labels_per_class"]
            if b not in budgets:
                budgets.append(b)
            table.setdefault(x["variant"], {})[b] = (x["pretrained_test_accuracy"], x["random_test_accuracy"], x["steps"])
    print("| variant | " + " | ".join(f"{b}/class" for b in budgets) + " |")
    print("|---|" + "---:|" * len(budgets))
    for v, cells in table.items():
        print(f"| {v} | " + " | ".join(f"{pct(cells[b][0])} / {pct(cells[b][1])}" if b in cells else "-" for b in budgets) + " |")
    print(f"\n(steps per fit: {next(iter(next(iter(table.values())).values()))[2]})\n")

def sweep(path):
    with open(path) as f:
        return json.load(f)

p = os.path.join(out, "sweep_batch.json")
if os.path.exists(p):
    s = sweep(p)
    print(f"### Batch-size sweep: {s['variant']} on {s['dataset']} "
          "(validation loss after each epoch; samples seen; cumulative training seconds)\n")
    print("| batch | epoch | samples seen | seconds | val loss | train loss |")
    print("|---:|---:|---:|---:|---:|---:|")
    for run in s["runs"]:
        n = run["train_samples"]
        secs = 0.0
        for e in run["history"]["epochs"]:
            secs += e["seconds"]
            print(f"| {run['swept_value']} | {e['epoch']} | {e['epoch'] * n} | {secs:.1f} | "
                  f"{e['val'].get('loss', float('nan')):.3f} | {e['train']['loss']:.3f} |")
    print()

p = os.path.join(out, "sweep_lr.json")
if os.path.exists(p):
    s = sweep(p)
    print(f"### Learning-rate sweep: {s['variant']} on {s['dataset']} (after {s['runs'][0]['epochs']} epochs)\n")
    print("| lr | status | final train loss | final val loss | seconds |")
    print("|---:|---|---:|---:|---:|")
    for run in s["runs"]:
        val = run["final_val"].get("loss", float("nan"))
        train = run["final_train"].get("loss", float("nan"))
        print(f"| {run['swept_value']} | {run['status']} | {train:.3f} | {val:.3f} | {run['seconds']:.1f} |")
    print()
