package dev.benchbook.report;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Test helper: the files of a reports folder and the links of its Markdown pages. */
final class ReportFiles {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  private ReportFiles() {
  }

  /** Every file under {@code root} with one of the extensions, as '/'-separated relative paths. */
  static Set<String> files(Path root, String... extensions) throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile).forEach(p -> {
        String rel = root.relativize(p).toString().replace('\\', '/');
        for (String ext : extensions) {
          if (rel.toLowerCase(Locale.ROOT).endsWith("." + ext)) {
            out.add(rel);
          }
        }
      });
    }
    return out;
  }

  /** Relative link targets of a Markdown file (external and anchor links left out). */
  static List<String> relativeLinks(Path markdown) throws IOException {
    List<String> links = new ArrayList<>();
    Matcher m = LINK.matcher(Files.readString(markdown));
    while (m.find()) {
      String target = m.group(1);
      if (!target.startsWith("#") && URI.create(target).getScheme() == null) {
        links.add(target);
      }
    }
    return links;
  }

  /** Links of a Markdown file that do not resolve to an existing file beside it. */
  static List<String> brokenLinks(Path markdown) throws IOException {
    List<String> broken = new ArrayList<>();
    for (String link : relativeLinks(markdown)) {
      if (!Files.exists(markdown.getParent().resolve(link).normalize())) {
        broken.add(link);
      }
    }
    return broken;
  }
}
