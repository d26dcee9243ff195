package io.github.s2spring.benchmarks.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.HdrHistogram.Histogram;

/**
 * Draws the latency distributions as percentile curves, one panel per scenario and one
 * line per driver, on a logarithmic "nines" axis (50%, 90%, 99%, 99.9%, 99.99%) like
 * HdrHistogram's plots.
 */
final class LatencyChart {

	private static final int PANEL_WIDTH = 640;

	private static final int PANEL_HEIGHT = 400;

	private static final int MARGIN = 60;

	private static final double MAX_NINES = 4;

	private static final Map<String, Color> COLORS = Map.of("java", new Color(0x1f77b4), "raw", new Color(0x2ca02c),
			"ts", new Color(0xd62728), "spring", new Color(0xff7f0e));

	private LatencyChart() {
	}

	static void write(Map<String, Map<String, Histogram>> distributions, Path file) throws IOException {
		int panels = Math.max(1, distributions.size());
		BufferedImage image = new BufferedImage(PANEL_WIDTH * panels, PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		int x = 0;
		for (Map.Entry<String, Map<String, Histogram>> panel : distributions.entrySet()) {
			drawPanel(g, x, panel.getKey(), panel.getValue());
			x += PANEL_WIDTH;
		}
		g.dispose();
		ImageIO.write(image, "png", file.toFile());
	}

	private static void drawPanel(Graphics2D g, int left, String title, Map<String, Histogram> histograms) {
		int plotLeft = left + MARGIN;
		int plotRight = left + PANEL_WIDTH - 20;
		int plotTop = 40;
		int plotBottom = PANEL_HEIGHT - MARGIN;
		double maxMillis = 0.001;
		for (Histogram histogram : histograms.values()) {
			maxMillis = Math.max(maxMillis, histogram.getMaxValue() / 1000.0);
		}
		maxMillis = niceCeiling(maxMillis);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		g.drawString(title + " (ms by percentile)", plotLeft, 24);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		g.drawRect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
		for (int nines = 0; nines <= MAX_NINES; nines++) {
			int px = plotLeft + (int) ((plotRight - plotLeft) * nines / MAX_NINES);
			g.setColor(Color.LIGHT_GRAY);
			g.drawLine(px, plotTop, px, plotBottom);
			g.setColor(Color.BLACK);
			g.drawString(percentileLabel(nines), px - ((nines == MAX_NINES) ? 40 : 14), plotBottom + 16);
		}
		for (int tick = 0; tick <= 4; tick++) {
			int py = plotBottom - (plotBottom - plotTop) * tick / 4;
			g.setColor(Color.LIGHT_GRAY);
			g.drawLine(plotLeft, py, plotRight, py);
			g.setColor(Color.BLACK);
			g.drawString(String.format(Locale.ROOT, "%.1f", maxMillis * tick / 4), left + 8, py + 4);
		}
		int legendY = plotTop + 16;
		for (Map.Entry<String, Histogram> entry : histograms.entrySet()) {
			Color color = COLORS.getOrDefault(entry.getKey(), Color.GRAY);
			g.setColor(color);
			g.setStroke(new BasicStroke(2f));
			int lastX = -1;
			int lastY = -1;
			for (double nines = 0; nines <= MAX_NINES; nines += 0.02) {
				double percentile = 100.0 * (1 - Math.pow(10, -nines) / 2);
				percentile = (nines == 0) ? 50 : percentile;
				double millis = entry.getValue().getValueAtPercentile(Math.min(percentile, 100)) / 1000.0;
				int px = plotLeft + (int) ((plotRight - plotLeft) * nines / MAX_NINES);
				int py = plotBottom - (int) ((plotBottom - plotTop) * Math.min(1, millis / maxMillis));
				if (lastX >= 0) {
					g.drawLine(lastX, lastY, px, py);
				}
				lastX = px;
				lastY = py;
			}
			g.setStroke(new BasicStroke(1f));
			g.drawString(entry.getKey() + String.format(Locale.ROOT, "  p50 %.2f  p99 %.2f  max %.2f ms",
					entry.getValue().getValueAtPercentile(50) / 1000.0,
					entry.getValue().getValueAtPercentile(99) / 1000.0, entry.getValue().getMaxValue() / 1000.0),
					plotLeft + 10, legendY);
			legendY += 16;
		}
	}

	private static String percentileLabel(int nines) {
		return List.of("50%", "90%", "99%", "99.9%", "99.99%").get(nines);
	}

	private static double niceCeiling(double value) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 5, 10 }) {
			if (value <= step * magnitude) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

}
