package io.odradek.api.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.odradek.api.ConfigException;
import io.odradek.api.security.OAuthBearerTokenProvider;
import io.odradek.api.security.SaslSettings;
import io.odradek.api.security.SecurityProtocol;
import io.odradek.api.security.SecuritySettings;
import io.odradek.api.security.TlsSettings;
import io.odradek.api.security.UnsecuredJwtTokenProvider;

/**
 * Kafka's TLS and SASL keys: their rows of the key table, the ones Odradek refuses (with why), which of them
 * are secrets, and how they resolve to {@link SecuritySettings}.
 */
public final class SecurityKeys {

    public static final String SECURITY_PROTOCOL = "security.protocol";
    public static final String SSL_PROTOCOL = "ssl.protocol";
    public static final String SSL_ENABLED_PROTOCOLS = "ssl.enabled.protocols";
    public static final String SSL_CIPHER_SUITES = "ssl.cipher.suites";
    public static final String SSL_ENDPOINT_IDENTIFICATION_ALGORITHM = "ssl.endpoint.identification.algorithm";
    public static final String SSL_TRUSTSTORE_TYPE = "ssl.truststore.type";
    public static final String SSL_TRUSTSTORE_LOCATION = "ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_CERTIFICATES = "ssl.truststore.certificates";
    public static final String SSL_KEYSTORE_TYPE = "ssl.keystore.type";
    public static final String SSL_KEYSTORE_LOCATION = "ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "ssl.keystore.password";
    public static final String SSL_KEY_PASSWORD = "ssl.key.password";
    public static final String SSL_KEYSTORE_CERTIFICATE_CHAIN = "ssl.keystore.certificate.chain";
    public static final String SSL_KEYSTORE_KEY = "ssl.keystore.key";
    public static final String SSL_KEYMANAGER_ALGORITHM = "ssl.keymanager.algorithm";
    public static final String SSL_TRUSTMANAGER_ALGORITHM = "ssl.trustmanager.algorithm";
    public static final String SSL_SECURE_RANDOM_IMPLEMENTATION = "ssl.secure.random.implementation";
    public static final String SASL_MECHANISM = "sasl.mechanism";
    public static final String SASL_JAAS_CONFIG = "sasl.jaas.config";
    /** Odradek's own key: an {@link OAuthBearerTokenProvider} class name, class or instance, for OAUTHBEARER. */
    public static final String OAUTHBEARER_TOKEN_PROVIDER = "oauthbearer.token.provider";

    /** Values never shown in {@code toString()}, logs or error messages. */
    public static final Set<String> SECRETS = Set.of(SSL_TRUSTSTORE_PASSWORD, SSL_TRUSTSTORE_CERTIFICATES,
            SSL_KEYSTORE_PASSWORD, SSL_KEY_PASSWORD, SSL_KEYSTORE_CERTIFICATE_CHAIN, SSL_KEYSTORE_KEY, SASL_JAAS_CONFIG);

    private static final List<String> MECHANISMS = List.of(SaslSettings.PLAIN, SaslSettings.SCRAM_SHA_256,
            SaslSettings.SCRAM_SHA_512, SaslSettings.OAUTHBEARER);
    private static final List<String> STORE_TYPES = List.of("JKS", "PKCS12", "PEM");
    /** Kafka's default token lifetime for unsecured OAUTHBEARER tokens (unsecuredLoginLifetimeSeconds). */
    private static final long UNSECURED_TOKEN_LIFETIME_SECONDS = 3600;

    private SecurityKeys() {
    }

    static List<ConfigKey> rows() {
        return List.of(
                ConfigKey.optional(SECURITY_PROTOCOL, securityProtocol(), SecurityProtocol.PLAINTEXT),
                ConfigKey.optional(SSL_PROTOCOL, Parsers.nonEmptyString(), "TLSv1.3"),
                ConfigKey.optional(SSL_ENABLED_PROTOCOLS, list(), List.of("TLSv1.2", "TLSv1.3")),
                ConfigKey.optional(SSL_CIPHER_SUITES, list(), List.of()),
                ConfigKey.optional(SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, endpointIdentification(), "https"),
                ConfigKey.optional(SSL_TRUSTSTORE_TYPE, storeType(), "JKS"),
                ConfigKey.optional(SSL_TRUSTSTORE_LOCATION, Parsers.nonEmptyString(), null),
                ConfigKey.optional(SSL_TRUSTSTORE_PASSWORD, secret(), null),
                ConfigKey.optional(SSL_TRUSTSTORE_CERTIFICATES, secret(), null),
                ConfigKey.optional(SSL_KEYSTORE_TYPE, storeType(), "JKS"),
                ConfigKey.optional(SSL_KEYSTORE_LOCATION, Parsers.nonEmptyString(), null),
                ConfigKey.optional(SSL_KEYSTORE_PASSWORD, secret(), null),
                ConfigKey.optional(SSL_KEY_PASSWORD, secret(), null),
                ConfigKey.optional(SSL_KEYSTORE_CERTIFICATE_CHAIN, secret(), null),
                ConfigKey.optional(SSL_KEYSTORE_KEY, secret(), null),
                ConfigKey.optional(SSL_KEYMANAGER_ALGORITHM, Parsers.nonEmptyString(), "SunX509"),
                ConfigKey.optional(SSL_TRUSTMANAGER_ALGORITHM, Parsers.nonEmptyString(), "PKIX"),
                ConfigKey.optional(SSL_SECURE_RANDOM_IMPLEMENTATION, Parsers.nonEmptyString(), null),
                // Kafka's default is GSSAPI (Kerberos), which Odradek does not have: it fails only when SASL is used.
                ConfigKey.optional(SASL_MECHANISM, mechanism(), "GSSAPI"),
                ConfigKey.optional(SASL_JAAS_CONFIG, secret(), null),
                ConfigKey.optional(OAUTHBEARER_TOKEN_PROVIDER, PluginLoader.plugin(OAuthBearerTokenProvider.class), null));
    }

    /**
     * Why Odradek refuses a Kafka security key that is not in the table, or null if it is not one. Any other
     * {@code ssl.*} or {@code sasl.*} key is refused too (as an unknown security key), not handed to plugins.
     */
    static String refusal(String key) {
        if (key.equals("security.providers") || key.equals("ssl.provider")) {
            return "Odradek uses the JDK's installed security providers; register a provider with"
                    + " java.security.Security instead";
        }
        if (key.equals("ssl.engine.factory.class")) {
            return "Odradek builds its SSLEngine from the ssl.* keys itself; a custom engine factory is not supported";
        }
        if (key.startsWith("sasl.kerberos.")) {
            return "GSSAPI (Kerberos) is not supported; use PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER";
        }
        if (key.startsWith("sasl.oauthbearer.") || key.equals("sasl.login.callback.handler.class")
                || key.equals("sasl.client.callback.handler.class")) {
            return "Odradek does not fetch OAuth tokens itself; give an " + OAuthBearerTokenProvider.class.getName()
                    + " with " + OAUTHBEARER_TOKEN_PROVIDER + " (or ProducerConfig.Builder.saslOAuthBearer)";
        }
        if (key.startsWith("sasl.login.")) {
            return "Odradek loads no JAAS login module: it reads the credentials in sasl.jaas.config itself and asks"
                    + " the OAUTHBEARER token provider for a fresh token at every (re-)authentication";
        }
        if (key.startsWith("ssl.") || key.startsWith("sasl.")) {
            return "it is not one of Kafka's producer security keys";
        }
        return null;
    }

    /** The settings the protocol needs, checked across keys; fails naming the key to fix. */
    public static SecuritySettings resolve(ConfigValues values, Map<String, ?> pluginConfigs) {
        SecurityProtocol protocol = (SecurityProtocol) values.get(SECURITY_PROTOCOL);
        Optional<TlsSettings> tls = protocol.usesTls() ? Optional.of(tls(values)) : Optional.empty();
        Optional<SaslSettings> sasl = protocol.usesSasl() ? Optional.of(sasl(values, pluginConfigs))
                : Optional.empty();
        return new SecuritySettings(protocol, tls, sasl);
    }

    @SuppressWarnings("unchecked")
    private static TlsSettings tls(ConfigValues values) {
        String truststoreType = (String) values.get(SSL_TRUSTSTORE_TYPE);
        String keystoreType = (String) values.get(SSL_KEYSTORE_TYPE);
        requireStoreShape(values, "truststore", truststoreType, SSL_TRUSTSTORE_LOCATION, SSL_TRUSTSTORE_CERTIFICATES);
        requireStoreShape(values, "keystore", keystoreType, SSL_KEYSTORE_LOCATION, SSL_KEYSTORE_CERTIFICATE_CHAIN);
        if ((values.get(SSL_KEYSTORE_CERTIFICATE_CHAIN) == null) != (values.get(SSL_KEYSTORE_KEY) == null)) {
            throw new ConfigException(SSL_KEYSTORE_CERTIFICATE_CHAIN + " and " + SSL_KEYSTORE_KEY
                    + " go together: set both (a PEM certificate chain and its private key) or neither");
        }
        if (values.get(SSL_KEYSTORE_LOCATION) != null && !"PEM".equals(keystoreType)
                && values.get(SSL_KEYSTORE_PASSWORD) == null) {
            throw new ConfigException(SSL_KEYSTORE_PASSWORD + " is required with " + SSL_KEYSTORE_LOCATION
                    + " (a " + keystoreType + " keystore)");
        }
        return new TlsSettings((String) values.get(SSL_PROTOCOL), (List<String>) values.get(SSL_ENABLED_PROTOCOLS),
                (List<String>) values.get(SSL_CIPHER_SUITES), (String) values.get(SSL_ENDPOINT_IDENTIFICATION_ALGORITHM),
                truststoreType, (String) values.get(SSL_TRUSTSTORE_LOCATION),
                (String) values.get(SSL_TRUSTSTORE_PASSWORD), (String) values.get(SSL_TRUSTSTORE_CERTIFICATES),
                keystoreType, (String) values.get(SSL_KEYSTORE_LOCATION), (String) values.get(SSL_KEYSTORE_PASSWORD),
                (String) values.get(SSL_KEY_PASSWORD), (String) values.get(SSL_KEYSTORE_CERTIFICATE_CHAIN),
                (String) values.get(SSL_KEYSTORE_KEY), (String) values.get(SSL_KEYMANAGER_ALGORITHM),
                (String) values.get(SSL_TRUSTMANAGER_ALGORITHM), (String) values.get(SSL_SECURE_RANDOM_IMPLEMENTATION));
    }

    /** A store is a file or, for PEM, inline certificates: never both, and inline ones only as PEM. */
    private static void requireStoreShape(ConfigValues values, String store, String type, String locationKey,
                                          String inlineKey) {
        if (values.get(locationKey) != null && values.get(inlineKey) != null) {
            throw new ConfigException("Set either " + locationKey + " or " + inlineKey + " for the " + store
                    + ", not both");
        }
        if (values.get(inlineKey) != null && !"PEM".equals(type)) {
            throw new ConfigException(inlineKey + " holds PEM text: set ssl." + store + ".type=PEM (it is " + type + ")");
        }
    }

    private static SaslSettings sasl(ConfigValues values, Map<String, ?> pluginConfigs) {
        String mechanism = (String) values.get(SASL_MECHANISM);
        SecurityProtocol protocol = (SecurityProtocol) values.get(SECURITY_PROTOCOL);
        if (!MECHANISMS.contains(mechanism)) {
            throw new ConfigException("Invalid value '" + mechanism + "' for configuration " + SASL_MECHANISM + " with "
                    + SECURITY_PROTOCOL + "=" + protocol + ": Odradek supports " + String.join(", ", MECHANISMS)
                    + (mechanism.equals("GSSAPI") ? " (GSSAPI, Kerberos, is Kafka's default and is not supported;"
                    + " set " + SASL_MECHANISM + ")" : ""));
        }
        Object provider = values.get(OAUTHBEARER_TOKEN_PROVIDER);
        String jaasText = (String) values.get(SASL_JAAS_CONFIG);
        if (mechanism.equals(SaslSettings.OAUTHBEARER) && provider != null) {
            return new SaslSettings(mechanism, null, null, (OAuthBearerTokenProvider) PluginLoader.create(
                    OAUTHBEARER_TOKEN_PROVIDER, provider, pluginConfigs, OAuthBearerTokenProvider.class));
        }
        if (jaasText == null) {
            throw new ConfigException("Missing configuration " + SASL_JAAS_CONFIG + ": " + SASL_MECHANISM + "="
                    + mechanism + " needs credentials, e.g. " + exampleFor(mechanism)
                    + (mechanism.equals(SaslSettings.OAUTHBEARER) ? " (or a token provider in "
                    + OAUTHBEARER_TOKEN_PROVIDER + ")" : ""));
        }
        JaasConfig jaas = JaasConfig.parse(SASL_JAAS_CONFIG, jaasText);
        String expectedModule = switch (mechanism) {
            case SaslSettings.PLAIN -> JaasConfig.PLAIN_MODULE;
            case SaslSettings.OAUTHBEARER -> JaasConfig.OAUTHBEARER_MODULE;
            default -> JaasConfig.SCRAM_MODULE;
        };
        if (!jaas.loginModule().equals(expectedModule)) {
            throw new ConfigException("Invalid login module " + jaas.loginModule() + " in " + SASL_JAAS_CONFIG
                    + " for " + SASL_MECHANISM + "=" + mechanism + ": expected " + expectedModule);
        }
        if (mechanism.equals(SaslSettings.OAUTHBEARER)) {
            return new SaslSettings(mechanism, null, null, unsecuredTokens(jaas));
        }
        if ("true".equalsIgnoreCase(jaas.option("tokenauth"))) {
            throw new ConfigException("Unsupported option tokenauth=true in " + SASL_JAAS_CONFIG
                    + ": Odradek does not authenticate with delegation tokens");
        }
        String username = jaas.option("username");
        String password = jaas.option("password");
        if (username == null || username.isEmpty() || password == null) {
            throw new ConfigException("Invalid value for configuration " + SASL_JAAS_CONFIG + ": " + mechanism
                    + " needs the options username and password, e.g. " + exampleFor(mechanism));
        }
        return new SaslSettings(mechanism, username, password, null);
    }

    /** Kafka's unsecured token options (OAuthBearerUnsecuredLoginCallbackHandler), for development brokers. */
    private static OAuthBearerTokenProvider unsecuredTokens(JaasConfig jaas) {
        String subject = jaas.option("unsecuredLoginStringClaim_sub");
        if (subject == null || subject.isEmpty()) {
            throw new ConfigException("Invalid value for configuration " + SASL_JAAS_CONFIG + ": OAUTHBEARER without"
                    + " a token provider (" + OAUTHBEARER_TOKEN_PROVIDER + ") needs the option"
                    + " unsecuredLoginStringClaim_sub, the subject of the unsecured tokens Odradek then makes");
        }
        long lifetimeSeconds = UNSECURED_TOKEN_LIFETIME_SECONDS;
        String lifetime = jaas.option("unsecuredLoginLifetimeSeconds");
        if (lifetime != null) {
            try {
                lifetimeSeconds = Long.parseLong(lifetime.trim());
            } catch (NumberFormatException e) {
                lifetimeSeconds = -1;
            }
            if (lifetimeSeconds <= 0) {
                throw new ConfigException("Invalid option unsecuredLoginLifetimeSeconds=" + lifetime + " in "
                        + SASL_JAAS_CONFIG + ": expected a positive number of seconds");
            }
        }
        Map<String, String> extensions = new java.util.TreeMap<>();
        String prefix = "unsecuredLoginExtension_";
        jaas.options().forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                extensions.put(name.substring(prefix.length()), value);
            }
        });
        return new UnsecuredJwtTokenProvider(subject, lifetimeSeconds * 1000, extensions);
    }

    private static String exampleFor(String mechanism) {
        String module = switch (mechanism) {
            case SaslSettings.PLAIN -> JaasConfig.PLAIN_MODULE;
            case SaslSettings.OAUTHBEARER -> JaasConfig.OAUTHBEARER_MODULE;
            default -> JaasConfig.SCRAM_MODULE;
        };
        return mechanism.equals(SaslSettings.OAUTHBEARER)
                ? module + " required unsecuredLoginStringClaim_sub=\"alice\";"
                : module + " required username=\"alice\" password=\"...\";";
    }

    private static ValueParser securityProtocol() {
        return (key, raw) -> {
            if (raw instanceof SecurityProtocol protocol) {
                return protocol;
            }
            SecurityProtocol parsed = raw instanceof String text ? SecurityProtocol.parse(text) : null;
            if (parsed == null) {
                throw ConfigErrors.invalid(key, raw, "allowed values are PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL");
            }
            return parsed;
        };
    }

    private static ValueParser mechanism() {
        return (key, raw) -> {
            if (raw instanceof String text && !text.isBlank()) {
                return text.trim().toUpperCase(Locale.ROOT);
            }
            throw ConfigErrors.invalid(key, raw, "allowed values are " + String.join(", ", MECHANISMS));
        };
    }

    private static ValueParser storeType() {
        return (key, raw) -> {
            if (raw instanceof String text && STORE_TYPES.contains(text.trim().toUpperCase(Locale.ROOT))) {
                return text.trim().toUpperCase(Locale.ROOT);
            }
            throw ConfigErrors.invalid(key, raw, "allowed values are " + String.join(", ", STORE_TYPES));
        };
    }

    /** {@code https}, or empty (or the word none) for no host-name check. */
    private static ValueParser endpointIdentification() {
        return (key, raw) -> {
            if (raw instanceof String text) {
                String value = text.trim().toLowerCase(Locale.ROOT);
                if (value.isEmpty() || value.equals("https")) {
                    return value;
                }
            }
            throw ConfigErrors.invalid(key, raw, "allowed values are https (check the broker's host name) or an"
                    + " empty string (do not)");
        };
    }

    private static ValueParser list() {
        return (key, raw) -> List.copyOf(Parsers.stringList(key, raw, "expected a comma-separated list"));
    }

    /** A non-empty String whose value never appears in an error message. */
    private static ValueParser secret() {
        return (key, raw) -> {
            if (raw instanceof String text && !text.isEmpty()) {
                return text;
            }
            throw new ConfigException("Invalid value for configuration " + key + ": expected a non-empty string"
                    + " (the value is not shown: it may be a secret)");
        };
    }
}
