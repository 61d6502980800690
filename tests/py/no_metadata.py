#!/usr/bin/env python3
"""Every published picture carries no metadata, as exiftool reads it.

    python3 tests/py/no_metadata.py dist

Runs `exiftool -j -a -G1` over every file under the folder (leaflet
thumbnails included) and judges each one exiftool recognises as a raster
picture *by its content*, whatever its name (a JPEG published as `anh.txt`
or `anh` is judged like `anh.jpg`). It fails if any tag belongs to a group
other than those that describe the pixels themselves (File, JFIF, PNG's
header, WebP's VP8 header, GIF's, a TIFF's own structure, Composite): EXIF,
GPS, XMP, IPTC, ICC profiles, Photoshop blocks, maker notes, comments and
text chunks all fail; so does any HEIC, AVIF, JPEG XL, JPEG 2000, PSD or
camera RAW file, which loa refuses to publish.
"""
import json
import pathlib
import subprocess
import sys

ALLOWED = {"ExifTool", "System", "File", "JFIF", "PNG", "PNG-pHYs", "RIFF", "Composite", "GIF"}
# A TIFF's first directory describes its pixels with these tags; any other
# tag there (Make, Model, DateTime, Artist, GPSInfo…) is metadata.
TIFF_STRUCTURE = {
    "ImageWidth", "ImageHeight", "BitsPerSample", "Compression", "PhotometricInterpretation",
    "StripOffsets", "SamplesPerPixel", "RowsPerStrip", "StripByteCounts", "PlanarConfiguration",
    "ExtraSamples", "SampleFormat", "Predictor", "XResolution", "YResolution", "ResolutionUnit",
    "SubfileType", "Orientation",
}
# Tags of those groups that are still metadata.
FORBIDDEN_TAGS = {"Comment", "TextualData", "Software", "Author", "Title", "Description", "Copyright", "DateTimeOriginal", "ModifyDate", "GPSPosition", "GPSLatitude", "GPSLongitude"}
# Formats loa refuses: finding one published is a failure in itself.
REFUSED = {"HEIC", "HEIF", "AVIF", "JXL", "JP2", "J2C", "JPX", "PSD", "DNG", "CR2", "CR3", "NEF", "ARW", "ORF", "RW2", "RAF", "PEF", "SRW", "X3F", "MRW"}


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
    files = sorted(p for p in root.rglob("*") if p.is_file())
    out = subprocess.run(["exiftool", "-j", "-a", "-G1", *map(str, files)], capture_output=True, text=True, check=False)
    records = json.loads(out.stdout or "[]")
    problems = []
    pictures = 0
    for rec in records:
        name = rec.get("SourceFile")
        kind = rec.get("File:FileType", "")
        mime = rec.get("File:MIMEType", "")
        if kind in REFUSED:
            problems.append(f"{name}: a {kind} file is published")
            continue
        if not mime.startswith("image/") or mime == "image/svg+xml":
            continue
        pictures += 1
        for key in rec:
            if key == "SourceFile":
                continue
            group, _, tag = key.partition(":")
            if group == "IFD0" and kind == "TIFF" and tag in TIFF_STRUCTURE:
                continue
            if group not in ALLOWED or tag in FORBIDDEN_TAGS:
                problems.append(f"{name}: {key} = {str(rec[key])[:60]}")
    if not pictures:
        print(f"no pictures under {root}")
        return 1
    for p in problems:
        print(p)
    print(f"no_metadata: {pictures} pictures (judged by content) of {len(files)} files read with exiftool, {len(problems)} problems found")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
