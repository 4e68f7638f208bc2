/**
 * XChart builders for benchbook results and their deterministic PNG/SVG/CSV export.
 *
 * <p>Every builder returns a {@link dev.benchbook.charts.PlottedChart}: the XChart chart object
 * (displayable in a notebook) together with a {@link dev.benchbook.charts.ChartData} table holding
 * exactly the plotted values, which {@link dev.benchbook.charts.ChartExport} writes as CSV beside
 * the PNG and SVG. Charts are 1000 x 600 px, use DejaVu Sans, {@link java.util.Locale#ROOT} number
 * formatting and fixed colours (baseline blue-grey, mitigations orange, green, purple...), so the
 * same input renders to the same PNG bytes on the same JDK.
 *
 * <p>Percentiles follow the project-wide method: linear interpolation between closest ranks (the
 * numpy default). Log axes cannot show zero: values below {@link
 * dev.benchbook.charts.ChartStyle#LOG_FLOOR_MS} are drawn at that floor and the chart says so.
 */
package dev.benchbook.charts;
