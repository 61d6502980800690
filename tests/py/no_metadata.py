#!/usr/bin/env python3
"""Every published picture carries no metadata, as exiftool reads it.

    python3 tests/py/no_metadata.py dist

Runs `exiftool -j -a -G1` over every JPEG, PNG, WebP and GIF under the folder
(leaflet thumbnails included) and fails if any tag belongs to a group other
than those that describe the pixels themselves (File, JFIF, PNG's header,
WebP's VP8 header, Composite): EXIF, GPS, XMP, IPTC, ICC profiles,
Photoshop blocks, maker notes, comments and text chunks all fail.
"""
import json
import pathlib
import subprocess
import sys

ALLOWED = {"ExifTool", "System", "File", "JFIF", "PNG", "PNG-pHYs", "RIFF", "Composite", "GIF"}
# Tags of those groups that are still metadata.
FORBIDDEN_TAGS = {"Comment", "TextualData", "Software", "Author", "Title", "Description", "Copyright", "DateTimeOriginal", "ModifyDate", "GPSPosition", "GPSLatitude", "GPSLongitude"}


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
    files = sorted(p for p in root.rglob("*") if p.suffix.lower() in {".jpg", ".jpeg", ".png", ".webp", ".gif"})
    if not files:
        print(f"no pictures under {root}")
        return 1
    out = subprocess.run(["exiftool", "-j", "-a", "-G1", *map(str, files)], capture_output=True, text=True, check=False)
    records = json.loads(out.stdout)
    problems = []
    for rec in records:
        name = rec.get("SourceFile")
        for key in rec:
            if key == "SourceFile":
                continue
            group, _, tag = key.partition(":")
            if group not in ALLOWED or tag in FORBIDDEN_TAGS:
                problems.append(f"{name}: {key} = {str(rec[key])[:60]}")
    for p in problems:
        print(p)
    print(f"no_metadata: {len(files)} pictures read with exiftool, {len(problems)} metadata tags found")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
