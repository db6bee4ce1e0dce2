"""Install PER's face models from registry packages, checked: called by scripts/setup.

install.py DEST DETECTION.tgz MESH.tgz SKIMAGE.whl

DETECTION.tgz and MESH.tgz are the npm tarballs of @mediapipe/face_detection and
@mediapipe/face_mesh (from `npm pack`), SKIMAGE.whl the scikit-image wheel (from
`pip download`). Checks each tarball's sha256, its package.json (name, version,
Apache-2.0 licence), takes the short-range detector, cuts the landmark model out of the
packed assets at the offsets the package's loader script gives, checks both models'
sha256, converts them (convert.py) and checks the results' sha256; takes the test face
(skimage/data/astronaut.png, public domain, NASA) from the wheel. Writes into DEST:
detector.pfnn, landmarks.pfnn, astronaut.png, MANIFEST (what came from where).
"""
import hashlib
import io
import json
import os
import re
import sys
import tarfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import convert  # noqa: E402

PACKAGES = {
    "detection": ("@mediapipe/face_detection", "0.4.1657300184",
                  "a118cde74923dc4435257fbfbb613464a0f58d115dff6314d4ff96c8aebf6419"),
    "mesh": ("@mediapipe/face_mesh", "0.4.1657299874",
             "c08a7e0742a326285da666cf81d77c8b6f3a181a2ee948cadaf166008e0d3bc7"),
}
TFLITE = {
    "detector": "3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633",
    "landmarks": "c603fa6149219a3e9487dc9abd7a0c24474c77263273d24868378cdf40aa26d1",
}
PFNN = {
    "detector": "d513eee6bbbfdfd102fa844c9ab8c70843d8efc3c5c69fa78f2dfaf105a7e6d8",
    "landmarks": "731286ca42b1be51d42245922db023573f34408acd68a3b31838a06870bbf665",
}
ASTRONAUT = "88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5"


def sha(b):
    return hashlib.sha256(b).hexdigest()


def check(what, got, want):
    if got != want:
        sys.exit(f"face models: {what}: sha256 {got}, expected {want}")


def package(path, key):
    name, version, digest = PACKAGES[key]
    raw = open(path, "rb").read()
    check(f"{name}@{version} tarball", sha(raw), digest)
    tar = tarfile.open(fileobj=io.BytesIO(raw))
    files = {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}
    meta = json.loads(files["package/package.json"])
    if (meta.get("name"), meta.get("version"), meta.get("license")) != (name, version, "Apache-2.0"):
        sys.exit(f"face models: {path}: package.json is not {name}@{version} under Apache-2.0")
    return files


def main(dest, det_tgz, mesh_tgz, wheel):
    det = package(det_tgz, "detection")
    mesh = package(mesh_tgz, "mesh")
    models = {"detector": det["package/face_detection_short_range.tflite"]}
    loader = mesh["package/face_mesh_solution_packed_assets_loader.js"].decode()
    m = re.search(r'"filename": "[^"]*/face_landmark\.tflite", "start": (\d+), "end": (\d+)', loader)
    if not m:
        sys.exit("face models: face_landmark.tflite is not in the loader script")
    start, end = int(m.group(1)), int(m.group(2))
    models["landmarks"] = mesh["package/face_mesh_solution_packed_assets.data"][start:end]
    os.makedirs(dest, exist_ok=True)
    for key, tfl in models.items():
        check(f"{key} tflite", sha(tfl), TFLITE[key])
        src = os.path.join(dest, key + ".tflite")
        out = os.path.join(dest, key + ".pfnn")
        open(src, "wb").write(tfl)
        convert.main(src, out)
        os.remove(src)
        check(f"{key} converted", sha(open(out, "rb").read()), PFNN[key])
    png = zipfile.ZipFile(wheel).read("skimage/data/astronaut.png")
    check("astronaut.png", sha(png), ASTRONAUT)
    open(os.path.join(dest, "astronaut.png"), "wb").write(png)
    with open(os.path.join(dest, "MANIFEST"), "w") as f:
        for key, (name, version, digest) in PACKAGES.items():
            f.write(f"{name}@{version} sha256 {digest} Apache-2.0\n")
        for key in models:
            f.write(f"{key}.pfnn sha256 {PFNN[key]} (from {key} tflite {TFLITE[key]})\n")
        f.write(f"astronaut.png sha256 {ASTRONAUT} (scikit-image wheel; public domain, NASA)\n")


if __name__ == "__main__":
    main(*sys.argv[1:5])
