package io.streamhub.ingress.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;

/**
 * The built-in web app: {@code /} (live stream), the pages of {@link #PAGES} ({@code /monitor} serves
 * {@code monitor.html}) and {@code /assets/*} from the classpath folder {@code webroot}, and Chart.js from its WebJar
 * at {@code /vendor/chart.js}. Mounted after the API routes; an unknown asset falls through to the 404.
 */
public final class WebAppRoutes {

  static final String WEBROOT = "webroot";
  /** The pages besides {@code /}: each {@code /name} is {@code webroot/name.html}. */
  static final List<String> PAGES = List.of("monitor", "pressure", "dashboard");
  static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js";

  private WebAppRoutes() {
  }

  public static void mount(Router router) {
    // A wildcard route hands StaticHandler the path below its prefix: /assets/app.css looks up app.css.
    router.get("/").handler(StaticHandler.create(WEBROOT).setIndexPage("index.html"));
    for (String page : PAGES) {
      router.get("/" + page).handler(rc -> rc.response()
          .putHeader("content-type", "text/html; charset=utf-8")
          .sendFile(WEBROOT + "/" + page + ".html").onFailure(rc::fail));
    }
    router.get("/assets/*").handler(StaticHandler.create(WEBROOT + "/assets"));
    router.get("/vendor/chart.js").handler(rc -> rc.response()
        .putHeader("content-type", "text/javascript; charset=utf-8")
        .putHeader("cache-control", "public, max-age=86400")
        .sendFile(CHART_JS).onFailure(rc::fail));
  }
}
