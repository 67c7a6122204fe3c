#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (tests/fuzz/corpus/<target>/).

Standard library only. Every seed is a small valid file, or one a step away
from valid (truncated, a wrong size), so the fuzzer starts inside the format.
The model files come from aelab-cli itself (--cli PATH): two tiny models
trained for one epoch on moons; the session seeds hold the ae one's weights. Run from anywhere:

    python3 tests/fuzz/make_seeds.py --cli build/cli/aelab-cli

The corpora are committed; rerun this only to change the seeds.
"""
import argparse
import gzip
import json
import os
import shutil
import struct
import subprocess
import tempfile
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def idx(dims, data):
    return bytes([0, 0, 8, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) + bytes(data)


def idx_seeds():
    images = idx([3, 4, 4], [(i * 17) % 256 for i in range(48)])
    labels = idx([3], [0, 1, 2])
    seeds = {
        "images-3x4x4": images,
        "labels-3": labels,
        "features-2x5": idx([2, 5], range(10)),
        "channels-2x3x2x2": idx([2, 3, 2, 2], range(24)),
        "truncated": images[:30],
        "zero-samples": idx([0, 4, 4], []),
        "float-type": bytes([0, 0, 0x0D, 2]) + struct.pack(">II", 1, 1) + b"\0\0\0\0",
    }
    for name, data in seeds.items():
        write("idx", name, data)
        # gzip without a timestamp, so the bytes do not change between runs.
        write("idx_gzip", name + ".gz", gzip.compress(data, mtime=0))
    # A small bomb: 64 KiB of zeros behind a header claiming many samples.
    write("idx_gzip", "bomb.gz", gzip.compress(idx([4096, 16, 16], bytes(65536)), mtime=0))


def csv_seeds():
    seeds = {
        "header-label.csv": b"x,y,label\n0.5,1.25,cat\n-1e3,2,dog\n3,4,cat\n",
        "no-header.csv": b"1,2,3\n4,5,6\n7,8,9\n",
        "semicolon-decimal-comma.csv": b"a;b;class\n1,5;2,25;0\n3,0;4;1\n",
        "tabs.tsv": b"f1\tf2\n1\t2\n3\t4\n",
        "quoted-comments.csv": b"# a comment\n\"a\",\"b\",\"kind\"\n\n1,\"2\",\"x, y\"\n3,4,z\n",
        "missing.csv": b"a,b\n1,\n,2\nnan,inf\n",
        "ragged.csv": b"1,2,3\n4,5\n",
    }
    for name, data in seeds.items():
        write("csv", name, data)


def fnv1a(data):
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


def safetensors(tensors, metadata, checksum=True):
    header = {}
    blob = b""
    for name, shape, values in tensors:
        data = struct.pack("<%df" % len(values), *values)
        header[name] = {"dtype": "F32", "shape": shape, "data_offsets": [len(blob), len(blob) + len(data)]}
        blob += data
    meta = dict(metadata)
    meta["format"] = "pt"
    if checksum:
        meta["aelab_checksum"] = fnv1a(blob)
    header = {"__metadata__": meta, **header}
    text = json.dumps(header, separators=(",", ":")).encode()
    return struct.pack("<Q", len(text)) + text + blob


def safetensors_seeds():
    two = [("w", [2, 3], [0.5, -1, 2, 3, 4, 5]), ("b", [3], [0, 1, 2])]
    write("safetensors", "two-tensors.safetensors", safetensors(two, {"note": "seed"}))
    write("safetensors", "no-checksum.safetensors", safetensors(two, {}, checksum=False))
    write("safetensors", "scalar-and-empty.safetensors", safetensors([("s", [1], [7]), ("e", [0, 2], [])], {}))
    bad = bytearray(safetensors(two, {}))
    bad[-1] ^= 0xFF
    write("safetensors", "bad-checksum.safetensors", bytes(bad))


def npy(descr, shape, payload, version=1):
    shape_repr = "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"
    text = "{'descr': '%s', 'fortran_order': False, 'shape': %s, }" % (descr, shape_repr)
    length_bytes = 2 if version == 1 else 4
    pad = 64 - (6 + 2 + length_bytes + len(text) + 1) % 64
    text = text + " " * pad + "\n"
    length = struct.pack("<H", len(text)) if version == 1 else struct.pack("<I", len(text))
    return b"\x93NUMPY" + bytes([version, 0]) + length + text.encode() + payload


def npy_seeds():
    write("npy", "f4-3x2.npy", npy("<f4", [3, 2], struct.pack("<6f", 1, 2, 3, 4, 5, 6)))
    write("npy", "f8-4.npy", npy("<f8", [4], struct.pack("<4d", 1, -2, 3.5, 1e300)))
    write("npy", "i4-5.npy", npy("<i4", [5], struct.pack("<5i", 0, 1, 2, -3, 4)))
    write("npy", "i8-2.npy", npy("<i8", [2], struct.pack("<2q", 7, 1 << 40)))
    write("npy", "v2-f4-2x2.npy", npy("<f4", [2, 2], struct.pack("<4f", 1, 2, 3, 4), version=2))
    write("npy", "short-data.npy", npy("<f4", [3, 3], struct.pack("<2f", 1, 2)))


def png_gray(width, height, declared=None):
    """A grey PNG; `declared` (w, h) puts other dimensions in its header."""
    rows = b"".join(b"\0" + bytes((x * 40 + y * 70) % 256 for x in range(width)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", *(declared or (width, height)), 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def bmp_rgb(width, height):
    row = bytes((x * 50) % 256 for x in range(width * 3))
    row += b"\0" * ((4 - len(row) % 4) % 4)
    pixels = row * height
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 14 + len(info) + len(pixels), 0, 0, 14 + len(info)) + info + pixels


# The image folder target's first byte picks the suffix, in the order of
# kSuffixes in fuzz_image_folder.cpp.
SUFFIXES = ["png", "bmp", "ppm", "pgm", "pbm", "gif", "jpg", "ico", "xpm", "xbm", "svg"]


def image_seeds():
    def seed(name, suffix, data):
        write("image_folder", name, bytes([SUFFIXES.index(suffix)]) + data)

    seed("gray-5x3.png", "png", png_gray(5, 3))
    seed("rgb-4x4.bmp", "bmp", bmp_rgb(4, 4))
    seed("p6-2x2.ppm", "ppm", b"P6\n2 2\n255\n" + bytes(range(12)))
    seed("p2-3x2.pgm", "pgm", b"P2\n3 2\n15\n0 5 10\n15 3 7\n")
    seed("p1-4x2.pbm", "pbm", b"P1\n4 2\n0 1 0 1\n1 0 1 0\n")
    seed("xbm-8x2.xbm", "xbm", b"#define s_width 8\n#define s_height 2\nstatic char s_bits[] = {0x0f, 0xf0};\n")
    seed("xpm-2x2.xpm", "xpm", b'/* XPM */\nstatic char *s[] = {"2 2 2 1", "a c #000000", "b c #ffffff", "ab", "ba"};\n')
    seed("svg-4x4.svg", "svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="2" height="4"/></svg>')
    seed("huge-header.png", "png", png_gray(1, 1, declared=(60000, 60000)))


def model_seeds(cli):
    with tempfile.TemporaryDirectory() as tmp:
        for variant, extra in [("ae", []), ("vae", [])]:
            path = os.path.join(tmp, variant + ".safetensors")
            subprocess.run([cli, "train", "--variant", variant, "--dataset", "moons", "--limit", "100",
                            "--epochs", "1", "--hidden", "4", "--latent", "2", "--save", path] + extra,
                           check=True, stdout=subprocess.DEVNULL)
            with open(path, "rb") as f:
                write("model_file", variant + ".safetensors", f.read())


def read_safetensors(data):
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    meta = header.pop("__metadata__", {})
    blob = data[8 + n:]
    tensors = []
    for name, info in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"][0]):
        begin, end = info["data_offsets"]
        tensors.append((name, info["shape"], list(struct.unpack("<%df" % ((end - begin) // 4), blob[begin:end]))))
    return tensors, meta


def zip_bytes(entries):
    import io
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(name, data)
    return buffer.getvalue()


def session_seeds():
    """Session files (.aelab): one run whose weights are the ae model seed's."""
    with open(os.path.join(CORPUS, "model_file", "ae.safetensors"), "rb") as f:
        tensors, meta = read_safetensors(f.read())
    tensors = [t for t in tensors if not t[0].startswith("resume.")]
    weights = safetensors(tensors, {})
    inputs = json.loads(meta["input"])
    dim = inputs["dim"]
    curve = {"step": [1, 2], "epoch": [0.5, 1.0], "samples": [32, 64], "seconds": [0.1, 0.2],
             "values": [[1.0, 0.5], [0.9, None]]}
    empty = {"step": [], "epoch": [], "samples": [], "seconds": [], "values": [[], []]}
    files = {k: "runs/1/" + v for k, v in [("final", "final.safetensors"), ("initial", "initial.safetensors"),
                                          ("probe_codes", "probe_codes.npy"), ("probe_map", "probe_map.npy"),
                                          ("probe_labels", "probe_labels.npy"), ("originals", "originals.npy"),
                                          ("reconstructions", "reconstructions.npy")]}
    run = {"id": 1, "name": "Run 1", "note": "", "dataset_spec": "moons", "dataset_fingerprint": "",
           "settings": {"variant": meta["variant"], "values": json.loads(meta["hyperparameters"]),
                        "epochs": 1, "val": 0.1, "seed": inputs["seed"]},
           "context": {"dim": dim, "shape": inputs["shape"], "unit_interval": inputs["unit_interval"],
                       "value_range": inputs.get("value_range", [0, 1]), "seed": inputs["seed"], "dataset": "moons"},
           "parameters": sum(len(t[2]) for t in tensors), "history": json.loads(meta["history"]),
           "curves": {"terms": ["loss", "recon"], "train": curve, "val": empty},
           "seconds": 0.2, "steps": 2, "samples_seen": 64, "map_labels": ["z1", "z2"], "probe_fingerprint": "",
           "files": files}
    index = {"aelab_session": 1, "runs": [run], "form": {"variant": "ae"}, "view": {"tab": "runs"},
             "lesson": {"id": "first", "step": 1}}
    codes = npy("<f4", [3, 2], struct.pack("<6f", 1, 2, 3, 4, 5, 6))
    row = npy("<f4", [1, dim], struct.pack("<%df" % dim, *([0.5] * dim)))
    entries = [("session.json", json.dumps(index)), (files["final"], weights), (files["initial"], weights),
               (files["probe_codes"], codes), (files["probe_map"], codes),
               (files["probe_labels"], npy("<i4", [3], struct.pack("<3i", 0, 1, 0))),
               (files["originals"], row), (files["reconstructions"], row)]
    one = zip_bytes(entries)
    write("session", "one-run.aelab", one)
    write("session", "empty.aelab", zip_bytes([("session.json", json.dumps({"aelab_session": 1, "runs": []}))]))
    write("session", "truncated.aelab", one[: len(one) // 2])
    write("session", "no-index.aelab", zip_bytes(entries[1:]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", help="aelab-cli, to make the model-file seeds (kept as they are without it)")
    args = parser.parse_args()
    for target in ["idx", "idx_gzip", "csv", "safetensors", "npy", "image_folder", "session"]:
        shutil.rmtree(os.path.join(CORPUS, target), ignore_errors=True)
    idx_seeds()
    csv_seeds()
    safetensors_seeds()
    npy_seeds()
    image_seeds()
    if args.cli:
        shutil.rmtree(os.path.join(CORPUS, "model_file"), ignore_errors=True)
        model_seeds(args.cli)
    # A model file is a safetensors file too: the safetensors target starts
    # from them as well.
    session_seeds()
    models = os.path.join(CORPUS, "model_file")
    if os.path.isdir(models):
        for name in sorted(os.listdir(models)):
            shutil.copy(os.path.join(models, name), os.path.join(CORPUS, "safetensors", "model-" + name))


if __name__ == "__main__":
    main()
