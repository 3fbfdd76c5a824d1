package org.ecovalue.dashboard.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The pages and Apache ECharts, from the jar: {@code /web/*} of this module and the ECharts WebJar
 * (no CDN: authorities' networks are often closed).
 */
final class StaticFiles {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    private final String echartsPath;

    StaticFiles() {
        Properties p = new Properties();
        try (InputStream in = StaticFiles.class.getResourceAsStream("/ecovalue-dashboard.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("ecovalue-dashboard.properties missing from the jar", e);
        }
        echartsPath = "/META-INF/resources/webjars/echarts/" + p.getProperty("echarts.version") + "/echarts.min.js";
    }

    record File(byte[] body, String contentType) {
    }

    /** The file for a request path, or empty; never outside the served folders. */
    Optional<File> find(String path) {
        String resource;
        if (path.equals("/vendor/echarts.min.js")) {
            resource = echartsPath;
        } else if (path.equals("/") || path.isEmpty()) {
            resource = "/web/index.html";
        } else if (path.matches("/[a-zA-Z0-9_-]+\\.(html|js|css|svg|png)")) {
            resource = "/web" + path;
        } else {
            return Optional.empty();
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            String ext = resource.substring(resource.lastIndexOf('.') + 1);
            return Optional.of(new File(in.readAllBytes(), TYPES.get(ext)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
