package io.muster.gameday.domain;

/**
 * A timed message handed to participants during a drill ("the attacker now posts a ransom note"), {@code atSeconds}
 * after the drill incident was raised. {@code audience} is {@code all} or one expected role's key.
 */
public record ScenarioInject(int atSeconds, String audience, String message) {

    public static final String EVERYONE = "all";
}
