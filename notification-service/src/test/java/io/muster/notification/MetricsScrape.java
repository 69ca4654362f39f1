package io.muster.notification;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one counter from the application's Prometheus endpoint, as a scraper would. */
final class MetricsScrape {

    private MetricsScrape() {
    }

    /** The value of counter {@code name} (Prometheus form, {@code _total} included) with tag {@code key=value}; 0 if never counted. */
    static double counter(String name, String key, String value) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(key + "=\"" + value + "\"")
                + "[^}]*} (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
