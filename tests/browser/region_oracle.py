#!/usr/bin/env python3
"""tests/browser/region_oracle.py FILE FRAME CX CY RX RY — the statistics of an elliptical
region computed outside the viewer: pydicom's pixel array of that frame with Rescale Slope and
Intercept applied (modality values, HU for CT), numpy over the pixels whose centres lie inside
the ellipse (pixel (c, r) covers [c, c+1) x [r, r+1)); the area is pi * rx * ry in mm^2 from
Pixel Spacing. Prints JSON {pixels, mean, sd (population), min, max, areaMm2}."""
import json
import math
import sys

import numpy
import pydicom

path, frame, cx, cy, rx, ry = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:7])
dataset = pydicom.dcmread(path)
pixels = dataset.pixel_array
if getattr(dataset, "NumberOfFrames", 1) > 1:
    pixels = pixels[frame]
values = pixels.astype(numpy.float64) * float(getattr(dataset, "RescaleSlope", 1)) + float(getattr(dataset, "RescaleIntercept", 0))
rows, columns = numpy.mgrid[0:values.shape[0], 0:values.shape[1]]
inside = ((columns + 0.5 - cx) / rx) ** 2 + ((rows + 0.5 - cy) / ry) ** 2 <= 1
region = values[inside]
row_mm, column_mm = (float(v) for v in getattr(dataset, "PixelSpacing", [1, 1]))
print(json.dumps({"pixels": int(region.size), "mean": float(region.mean()), "sd": float(region.std()), "min": float(region.min()),
                  "max": float(region.max()), "areaMm2": math.pi * rx * column_mm * ry * row_mm}))
