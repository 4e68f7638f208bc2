package dev.benchbook.charts;

import java.nio.file.Path;

/**
 * The files one chart was exported to.
 *
 * @param png the bitmap, {@code name.png}
 * @param svg the vector graphic, {@code name.svg}
 * @param csv the plotted data, {@code name.csv}
 */
public record ExportedChart(Path png, Path svg, Path csv) {
}
