package io.muster.console.backend;

/** A text answer from a service: {@code result} carries the status (and a refusal's problem), {@code body} the text. */
public record ServiceText(ApiResult result, String contentType, String body) {

    public boolean ok() {
        return result.ok();
    }

    public int status() {
        return result.status();
    }

    public String failure() {
        return result.failure();
    }
}
