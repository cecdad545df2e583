package dev.marquee.launcher;

import java.util.concurrent.Callable;

import dev.marquee.stack.DevSecrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code marquee keys}: a fresh set of the secrets a deployment's services share, as .env lines for compose. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Prints a new RSA key for access tokens and a key for partner-app secrets, as lines for the .env file",
                "docker-compose.yml reads. Every service gets the public key; only order-api the private one.",
                "Rotating: give order-api the new key as keys[1] and switch MARQUEE_SECURITY_JWT_SIGNINGKEYID to it;",
                "drop the old key one access-token TTL later (see README, \"Who may do what\")."})
final class KeysCommand implements Callable<Integer> {

    @Option(names = "--demo-gateways", description = {"Prints instead the keys and URLs of compose's demo profile:",
            "the gateway simulator's Alipay key pair and Stripe secret, and the pay, refund and SMS URLs",
            "that point order-api and payment-listener at it (docker compose --profile demo up)."})
    boolean demoGateways;

    @Override
    public Integer call() {
        if (demoGateways) {
            DemoGatewayKeys.generate().forEach((name, value) -> System.out.println(name + "=" + value));
            return 0;
        }
        DevSecrets secrets = DevSecrets.generate();
        System.out.println("MARQUEE_JWT_KEY_ID=" + secrets.keyId());
        System.out.println("MARQUEE_JWT_PUBLIC_KEY=" + secrets.publicKey());
        System.out.println("MARQUEE_JWT_PRIVATE_KEY=" + secrets.privateKey());
        System.out.println("MARQUEE_PARTNER_SECRET_KEY=" + secrets.partnerSecretKey());
        return 0;
    }
}
