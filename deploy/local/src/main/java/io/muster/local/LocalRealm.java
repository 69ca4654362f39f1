package io.muster.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The local run's {@code muster} realm: the production realm ({@code deploy/base/keycloak/realm-muster.json}) with
 * what only a laptop needs added, so the roles, audience scope and service-account clients have one source.
 * The additions: the console as a confidential client on {@code http://localhost:8085}, secrets for the calling
 * systems' clients, demo users, and command-line clients the runner and the system tests take tokens from.
 * Every secret and password is made once per state directory and kept in its {@code keys} directory (mode 600).
 * Usage: {@code LocalRealm <production-realm.json> <output.json> <keys-dir>}.
 */
public final class LocalRealm {

    /** A demo login: username, the realm roles it holds (listed in full), and the demo person it stands for. */
    record DemoUser(String username, List<String> roles, String firstName, String lastName, String email) {
    }

    /** One per people's role; the emails are the demo organisation's people's (deploy/local/demo/directory.json). */
    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("admin", List.of("muster-admin", "muster-responder", "muster-viewer"), "Amara", "Okafor",
                    "amara@demo.muster.example"),
            new DemoUser("responder", List.of("muster-responder", "muster-viewer"), "Farid", "Haddad",
                    "farid@demo.muster.example"),
            new DemoUser("viewer", List.of("muster-viewer"), "Jonas", "Berg", "jonas@demo.muster.example"));

    /** Users sign in from the command line through this client (password grant); local only. */
    static final String CLI_CLIENT = "muster-cli";
    /** Like {@link #CLI_CLIENT}, with access tokens that expire after two seconds: the system tests' expired tokens. */
    static final String CLI_SHORT_LIVED_CLIENT = "muster-cli-short-lived";
    /** Like {@link #CLI_CLIENT}, without the muster audience: the system tests' wrong-audience tokens. */
    static final String CLI_OTHER_AUDIENCE_CLIENT = "muster-cli-other-audience";
    static final String CONSOLE_URL = "http://localhost:8085";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalRealm() {
    }

    public static void main(String[] args) throws Exception {
        Arguments a = Arguments.of(args, "LocalRealm <production-realm.json> <output.json> <keys-dir>");
        Path output = a.path(1);
        Files.createDirectories(output.getParent());
        Files.writeString(output, JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(localRealm(JSON.readTree(a.path(0).toFile()), a.path(2))));
        output.toFile().setReadable(false, false);
        output.toFile().setReadable(true, true);
    }

    static ObjectNode localRealm(JsonNode production, Path keys) throws Exception {
        ObjectNode realm = production.deepCopy();
        ArrayNode clients = (ArrayNode) realm.withArray("clients");
        for (JsonNode c : clients) {
            ObjectNode client = (ObjectNode) c;
            switch (client.path("clientId").asText()) {
                case "muster-console" -> localConsole(client, secret(keys, "console-client-secret"));
                case "muster-gameday" -> client.put("secret", secret(keys, "gameday-client-secret"));
                case "siem-integration" -> {
                    client.put("secret", secret(keys, "siem-integration-client-secret"));
                    // The demo and the bench hold one integration token for their whole run.
                    client.with("attributes").put("access.token.lifespan", "3600");
                }
                default -> {
                }
            }
        }
        ObjectNode cli = cliClient(CLI_CLIENT, true);
        // A token printed by `muster token` and pasted into curl lasts an hour, not the realm's five minutes.
        cli.with("attributes").put("access.token.lifespan", "3600");
        clients.add(cli);
        ObjectNode shortLived = cliClient(CLI_SHORT_LIVED_CLIENT, true);
        shortLived.with("attributes").put("access.token.lifespan", "2");
        clients.add(shortLived);
        clients.add(cliClient(CLI_OTHER_AUDIENCE_CLIENT, false));
        ArrayNode users = (ArrayNode) realm.withArray("users");
        for (DemoUser user : DEMO_USERS) {
            users.add(user(user.username(), user.roles(), user.firstName(), user.lastName(), user.email(),
                    secret(keys, "password-" + user.username())));
        }
        return realm;
    }

    /**
     * The console signs people in by the authorization-code flow as a confidential client (its server holds the
     * secret), on localhost only.
     */
    private static void localConsole(ObjectNode client, String secret) {
        client.put("description", "The console at " + CONSOLE_URL + " (authorization code, confidential)");
        client.put("publicClient", false);
        client.put("secret", secret);
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", false);
        client.putArray("redirectUris").add(CONSOLE_URL + "/*");
        client.putArray("webOrigins").add(CONSOLE_URL);
        client.with("attributes").put("post.logout.redirect.uris", CONSOLE_URL + "/*");
        ArrayNode scopes = client.putArray("defaultClientScopes");
        scopes.add("basic").add("muster-audience").add("roles").add("profile").add("email").add("web-origins");
    }

    private static ObjectNode cliClient(String clientId, boolean audience) {
        ObjectNode client = JSON.createObjectNode();
        client.put("clientId", clientId);
        client.put("description", "Local run only: people's tokens from the command line (password grant)"
                + (audience ? "" : ", without the muster audience"));
        client.put("enabled", true);
        client.put("publicClient", true);
        client.put("standardFlowEnabled", false);
        client.put("directAccessGrantsEnabled", true);
        ArrayNode scopes = client.putArray("defaultClientScopes").add("basic");
        if (audience) {
            scopes.add("muster-audience");
        }
        scopes.add("roles").add("profile").add("email");
        return client;
    }

    static ObjectNode user(String username, List<String> roles, String firstName, String lastName, String email,
            String password) {
        ObjectNode user = JSON.createObjectNode();
        user.put("username", username);
        user.put("enabled", true);
        // Keycloak's user profile requires these; a user without them cannot take a token by password.
        user.put("firstName", firstName);
        user.put("lastName", lastName);
        user.put("email", email);
        user.put("emailVerified", true);
        ObjectNode credential = user.putArray("credentials").addObject();
        credential.put("type", "password");
        credential.put("value", password);
        credential.put("temporary", false);
        ArrayNode realmRoles = user.putArray("realmRoles");
        roles.forEach(realmRoles::add);
        return user;
    }

    /** The secret kept in {@code keys/name}, made on first use: 32 random bytes, base64url, readable by the owner. */
    static String secret(Path keys, String name) throws Exception {
        Path file = keys.resolve(name);
        if (!Files.exists(file) || Files.readString(file).isBlank()) {
            Files.createDirectories(keys);
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return Files.readString(file).strip();
    }
}
