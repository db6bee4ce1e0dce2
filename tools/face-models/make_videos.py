"""Make the face test videos (never committed) from astronaut.png: make_videos.py PNG OUTDIR

Writes 640×480 15 fps YUV4MPEG2 files (Chromium's --use-file-for-fake-video-capture plays
them in a loop; per-face-calibrate reads them):
  static.y4m  the photo, still
  moved.y4m   the photo moved as a rigid sheet: shifted, turned in its plane, tilted
              (perspective), brought closer: one homography maps any frame to another
  live.y4m    a non-rigid warp that a head's motion makes: the middle of the face moves
              more than its edges (turn left, turn right), the eyelids close (blink) and
              the face grows (closer); each loop does all four, so any order of steps is
              met within four loops
Needs ffmpeg and numpy.
"""
import os
import subprocess
import sys

import numpy as np

W, H, FPS = 640, 480, 15
# In the 640×480 frame (measured with the detector): face box, nose, eyes.
FACE = (310.0, 250.0, 100.0)  # centre x, y and half width
EYES = [(267.0, 205.0), (354.0, 205.0)]
EYE_HALF = (24.0, 11.0)


def base(png):
    raw = subprocess.run(["ffmpeg", "-loglevel", "error", "-i", png, "-vf",
                          "crop=320:240:70:0,scale=640:480", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
                         check=True, capture_output=True).stdout
    return np.frombuffer(raw, np.uint8).reshape(H, W, 3).astype(np.float32)


def remap(img, sx, sy):
    """Bilinear sample of img at float source coordinates (H×W arrays)."""
    x0 = np.clip(np.floor(sx).astype(int), 0, W - 2)
    y0 = np.clip(np.floor(sy).astype(int), 0, H - 2)
    ax = np.clip(sx - x0, 0, 1)[..., None]
    ay = np.clip(sy - y0, 0, 1)[..., None]
    out = (img[y0, x0] * (1 - ax) * (1 - ay) + img[y0, x0 + 1] * ax * (1 - ay)
           + img[y0 + 1, x0] * (1 - ax) * ay + img[y0 + 1, x0 + 1] * ax * ay)
    outside = (sx < 0) | (sx > W - 1) | (sy < 0) | (sy > H - 1)
    out[outside] = 40.0
    return out


YY, XX = np.mgrid[0:H, 0:W].astype(np.float32)


def homography(img, hm):
    """Output pixel p takes the source at inverse(hm)·p."""
    inv = np.linalg.inv(hm)
    d = inv[2, 0] * XX + inv[2, 1] * YY + inv[2, 2]
    return remap(img, (inv[0, 0] * XX + inv[0, 1] * YY + inv[0, 2]) / d,
                 (inv[1, 0] * XX + inv[1, 1] * YY + inv[1, 2]) / d)


def live_frame(img, turn, closed, zoom):
    cx, cy, r = FACE
    # Turn: a bump centred on the nose moves the middle of the face sideways (parallax of
    # a round head); the edges stay. turn in [-1, 1], + is the subject's left (frame right).
    bump = np.exp(-(((XX - cx) / (0.9 * r)) ** 2 + ((YY - cy) / (1.1 * r)) ** 2))
    sx = XX - turn * 45.0 * bump
    sy = YY.copy()
    # Blink: inside each eye box, sample from the lid above, more the more closed.
    for ex, ey in EYES:
        hx, hy = EYE_HALF
        inside = (np.abs(XX - ex) < hx) & (np.abs(YY - ey) < hy * 1.6)
        fall = np.clip(1 - np.abs(XX - ex) / hx, 0, 1) ** 0.5
        lid = ey - hy * 1.7
        sy = np.where(inside, sy + (lid - sy) * closed * fall, sy)
    # Closer: zoom about the face centre.
    sx = cx + (sx - cx) / zoom
    sy = cy + (sy - cy) / zoom
    return remap(img, sx, sy)


def write(path, frames):
    p = subprocess.Popen(["ffmpeg", "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24",
                          "-s", f"{W}x{H}", "-r", str(FPS), "-i", "-", "-pix_fmt", "yuv420p", path],
                         stdin=subprocess.PIPE)
    for f in frames:
        p.stdin.write(np.clip(f, 0, 255).astype(np.uint8).tobytes())
    p.stdin.close()
    if p.wait() != 0:
        sys.exit(f"ffmpeg failed on {path}")


def ease(n):
    """0 → 1 → 0 over n frames."""
    return [float(np.sin(np.pi * i / (n - 1))) for i in range(n)]


def main(png, out):
    os.makedirs(out, exist_ok=True)
    img = base(png)
    write(os.path.join(out, "static.y4m"), [img] * (3 * FPS))
    moved = []
    n = 4 * FPS
    for i in range(n):
        t = i / n
        a = 0.08 * np.sin(2 * np.pi * t)
        s = 1.0 + 0.35 * np.sin(np.pi * t)
        tilt = 0.0006 * np.sin(2 * np.pi * t)
        c = np.array([[1, 0, -FACE[0]], [0, 1, -FACE[1]], [0, 0, 1]])
        rot = np.array([[s * np.cos(a), -s * np.sin(a), 0], [s * np.sin(a), s * np.cos(a), 0], [tilt, 0, 1]])
        back = np.array([[1, 0, FACE[0] + 30 * np.sin(2 * np.pi * t)], [0, 1, FACE[1]], [0, 0, 1]])
        moved.append(homography(img, back @ rot @ c))
    write(os.path.join(out, "moved.y4m"), moved)
    live = []
    seg = FPS  # one second an action
    for v in ease(seg):
        live.append(live_frame(img, v, 0.0, 1.0))
    for v in ease(seg):
        live.append(live_frame(img, -v, 0.0, 1.0))
    for v in ease(seg // 2):
        live.append(live_frame(img, 0.0, v, 1.0))
    for v in ease(seg):
        live.append(live_frame(img, 0.0, 0.0, 1.0 + 0.4 * v))
    write(os.path.join(out, "live.y4m"), live)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
