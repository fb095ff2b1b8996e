#!/usr/bin/python3
"""Peer for the export benchmark: the same layers drawn headless by QGIS (Debian's python3-qgis).

Benchmark input only, never a dependency of Chronoatlas. Run with Debian's interpreter:
  /usr/bin/python3 bench/peer_qgis.py PROJ_DEFINITION XMIN YMIN XMAX YMAX WIDTH HEIGHT OUT.png LAYER...
Prints one line: the median wall time in ms of three renders to PNG (render + save); QGIS_PEER_RUNS=1 renders once
(for timing the whole process from outside).
"""
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsMapRendererSequentialJob,  # noqa: E402
                       QgsMapSettings, QgsRectangle, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def main():
    crs, xmin, ymin, xmax, ymax, width, height, out = sys.argv[1:9]
    paths = sys.argv[9:]
    app = QgsApplication([], False)
    app.initQgis()
    layers = [QgsVectorLayer(p, os.path.basename(p), "ogr") for p in paths]
    bad = [p for p, layer in zip(paths, layers) if not layer.isValid()]
    if bad:
        sys.exit("QGIS could not open: " + ", ".join(bad))
    settings = QgsMapSettings()
    settings.setLayers(list(reversed(layers)))  # QGIS lists the top layer first
    settings.setDestinationCrs(QgsCoordinateReferenceSystem.fromProj(crs))
    settings.setExtent(QgsRectangle(float(xmin), float(ymin), float(xmax), float(ymax)))
    settings.setOutputSize(QSize(int(width), int(height)))
    settings.setBackgroundColor(QColor(204, 222, 235))
    times = []
    for _ in range(int(os.environ.get("QGIS_PEER_RUNS", "3"))):
        start = time.perf_counter()
        job = QgsMapRendererSequentialJob(settings)
        job.start()
        job.waitForFinished()
        job.renderedImage().save(out, "png")
        times.append((time.perf_counter() - start) * 1000)
    print(f"{statistics.median(times):.1f}", flush=True)
    # QGIS 3.22 crashes in exitQgis() when run headless; leave without tearing down (which also spares it the time).
    os._exit(0)


if __name__ == "__main__":
    main()
