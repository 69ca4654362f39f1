package io.muster.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Tokens from the local run's Keycloak, as the people and calling systems of the demo organisation take them: the
 * demo users by the password grant through the local-only {@code muster-cli} client, the calling systems by the
 * client-credentials grant with their secrets from the state directory. Also creates users through Keycloak's
 * admin REST API (the system tests' callers with a login of their own). Tokens are kept until shortly before they
 * expire. Usage: {@code LocalKeycloak token <state-dir> <role>} prints one access token.
 */
public final class LocalKeycloak {

    public static final String URL = "http://localhost:18080";
    public static final String REALM = "muster";
    public static final String ISSUER = URL + "/realms/" + REALM;
    public static final Set<String> ROLES = Set.of("muster-admin", "muster-responder", "muster-viewer",
            "muster-integration", "muster-gameday");
    /** The master realm's administrator the runner bootstraps; its password is {@code keys/keycloak-admin-password}. */
    public static final String ADMIN_USER = "muster-local-admin";

    /** An access token and when it stops being worth handing out. */
    private record Held(String token, Instant renewAt) {
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Path keys;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Map<String, String> createdPasswords = new ConcurrentHashMap<>();

    public LocalKeycloak(Path state) {
        this.keys = state.resolve("keys");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !args[0].equals("token")) {
            System.err.println("usage: LocalKeycloak token <state-dir> <role>");
            System.exit(2);
        }
        if (!ROLES.contains(args[2])) {
            System.err.println("unknown role " + args[2] + "; one of " + ROLES.stream().sorted().toList());
            System.exit(2);
        }
        System.out.println(new LocalKeycloak(Path.of(args[1])).token(args[2]));
    }

    /**
     * A token holding {@code role}: people's roles from the demo user of that name ({@code admin}, {@code responder},
     * {@code viewer}), muster-integration from the siem-integration client, muster-gameday from muster-gameday's.
     */
    public String token(String role) throws Exception {
        return switch (role) {
            case "muster-integration" -> clientToken("siem-integration", "siem-integration-client-secret");
            case "muster-gameday" -> clientToken("muster-gameday", "gameday-client-secret");
            case "muster-admin", "muster-responder", "muster-viewer" -> {
                String username = role.substring("muster-".length());
                yield passwordToken(LocalRealm.CLI_CLIENT, username, LocalRealm.secret(keys, "password-" + username));
            }
            default -> throw new IllegalArgumentException("unknown role " + role);
        };
    }

    /** A token of the client-credentials grant for a service-account client whose secret is {@code keys/secretFile}. */
    public String clientToken(String clientId, String secretFile) throws Exception {
        return held("client:" + clientId, () -> grant(ISSUER, Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", LocalRealm.secret(keys, secretFile))));
    }

    /** A token of the password grant through a public client of the muster realm. */
    public String passwordToken(String clientId, String username, String password) throws Exception {
        return held(clientId + ":" + username, () -> grant(ISSUER, Map.of("grant_type", "password",
                "client_id", clientId, "username", username, "password", password, "scope", "openid")));
    }

    /** A fresh token, never one held: for tokens a caller means to let expire. */
    public JsonNode freshPasswordGrant(String clientId, String username, String password) throws Exception {
        return grant(ISSUER, Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", password, "scope", "openid"));
    }

    /**
     * Makes sure the muster realm has a user {@code username} holding these realm roles (created through the
     * admin REST API the first time), and returns its password, set anew the first time this instance is asked.
     */
    public String user(String username, List<String> roles) throws Exception {
        String known = createdPasswords.get(username);
        if (known != null) {
            return known;
        }
        String admin = adminToken();
        String users = ISSUER.replace("/realms/", "/admin/realms/") + "/users";
        JsonNode found = send("GET", users + "?exact=true&username=" + encode(username), admin, null);
        String id;
        if (found.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", username);
            body.put("enabled", true);
            // Keycloak's user profile requires names and an email before it issues a token by password.
            body.put("firstName", username);
            body.put("lastName", "Local");
            body.put("email", username.contains("@") ? username : username + "@users.muster.local");
            body.put("emailVerified", true);
            send("POST", users, admin, json.writeValueAsString(body));
            id = send("GET", users + "?exact=true&username=" + encode(username), admin, null).get(0).path("id")
                    .asText();
        } else {
            id = found.get(0).path("id").asText();
        }
        // A new password each time a runner first asks for the user: nothing outside this process needs it.
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        send("PUT", users + "/" + id + "/reset-password", admin, json.writeValueAsString(
                Map.of("type", "password", "value", password, "temporary", false)));
        String rolesUrl = ISSUER.replace("/realms/", "/admin/realms/") + "/roles/";
        StringBuilder mappings = new StringBuilder("[");
        for (String role : roles) {
            mappings.append(mappings.length() > 1 ? "," : "")
                    .append(json.writeValueAsString(send("GET", rolesUrl + encode(role), admin, null)));
        }
        send("POST", users + "/" + id + "/role-mappings/realm", admin, mappings.append("]").toString());
        createdPasswords.put(username, password);
        return password;
    }

    /** A token of the master realm's administrator, for the admin REST API. */
    private String adminToken() throws Exception {
        return held("admin", () -> grant(URL + "/realms/master", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", ADMIN_USER,
                "password", Files.readString(keys.resolve("keycloak-admin-password")).strip())));
    }

    private interface Grant {
        JsonNode take() throws Exception;
    }

    private String held(String key, Grant grant) throws Exception {
        Held current = held.get(key);
        if (current != null && Instant.now().isBefore(current.renewAt())) {
            return current.token();
        }
        JsonNode answer = grant.take();
        // Renewed a little before it expires, so a token handed out still holds for the request it is used in.
        long lifetime = answer.path("expires_in").asLong(60);
        Held fresh = new Held(answer.path("access_token").asText(),
                Instant.now().plusSeconds(Math.max(0, lifetime - Math.min(30, lifetime / 2))));
        held.put(key, fresh);
        return fresh.token();
    }

    private JsonNode grant(String realmUrl, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        // A 5xx is Keycloak's own trouble, e.g. a pooled database connection that died with a PostgreSQL restart
        // (discarded on that error): ask again for a few seconds before giving up.
        for (int attempt = 1; r.statusCode() / 100 == 5 && attempt < 10; attempt++) {
            Thread.sleep(1_000);
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the " + form.get("grant_type") + " grant for "
                    + form.getOrDefault("username", form.get("client_id")) + ": " + r.statusCode() + " " + r.body());
        }
        return json.readTree(r.body());
    }

    private JsonNode send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isBlank() ? json.createObjectNode() : json.readTree(r.body());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
