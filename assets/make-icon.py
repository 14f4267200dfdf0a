#!/usr/bin/env python3
"""Draws assets/icon.png, the 128x128 package and extension icon: a post (a page with lines of text and a code
block) with a check mark. Pure Python (zlib only), so it runs anywhere: python3 assets/make-icon.py"""
import os
import struct
import zlib

SIZE, SCALE = 128, 4  # drawn at 4x and averaged down, for smooth edges
PURPLE, PAGE, TEXT, CODE, GREEN, WHITE = (81, 43, 212), (255, 255, 255), (170, 160, 200), (40, 30, 70), (22, 163, 74), (255, 255, 255)


def rounded_rect(x, y, left, top, right, bottom, radius):
    if not (left <= x < right and top <= y < bottom):
        return False
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def near_segment(x, y, a, b, width):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (width / 2) ** 2


def color_at(x, y):
    """The colour at (x, y) in 128-unit coordinates, or None outside the icon."""
    if not rounded_rect(x, y, 0, 0, 128, 128, 22):
        return None
    if (x - 94) ** 2 + (y - 94) ** 2 <= 24 ** 2:
        if near_segment(x, y, (82, 95), (91, 104), 7) or near_segment(x, y, (91, 104), (107, 85), 7):
            return WHITE
        return GREEN
    if (x - 94) ** 2 + (y - 94) ** 2 <= 29 ** 2:
        return PURPLE  # a gap between the check and the page
    if rounded_rect(x, y, 24, 16, 92, 112, 6):
        for top, right in ((28, 78), (38, 70)):
            if rounded_rect(x, y, 34, top, right, top + 5, 2.5):
                return TEXT
        if rounded_rect(x, y, 32, 50, 84, 80, 4):
            for top, left, right in ((56, 38, 66), (64, 44, 74), (72, 38, 58)):
                if rounded_rect(x, y, left, top, right, top + 3, 1.5):
                    return (120, 220, 160)
            return CODE
        if rounded_rect(x, y, 34, 88, 62, 93, 2.5):
            return TEXT
        return PAGE
    return PURPLE


def pixel(px, py):
    r = g = b = a = 0
    for sy in range(SCALE):
        for sx in range(SCALE):
            c = color_at(px + (sx + 0.5) / SCALE, py + (sy + 0.5) / SCALE)
            if c is not None:
                r, g, b, a = r + c[0], g + c[1], b + c[2], a + 1
    if a == 0:
        return (0, 0, 0, 0)
    return (r // a, g // a, b // a, 255 * a // (SCALE * SCALE))


def png(rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in rows)
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png")
    with open(target, "wb") as f:
        f.write(png([[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]))
    print(target)
