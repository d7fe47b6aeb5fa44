package io.github.flagtest.samples.pricing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import java.net.URI;
import java.util.Map;

/**
 * Quotes a price. Flags come through OpenFeature; the provider is chosen at start-up: the AppConfig
 * agent when {@code PRICING_FLAG_PROVIDER=appconfig-agent}, otherwise whatever provider the process
 * installed (flagtest's, in unit tests).
 */
public class PricingHandler implements RequestHandler<Map<String, Object>, Quote> {

    private final Client flags;
    private final DiscountEngine discounts;

    /** The Lambda runtime's constructor. */
    public PricingHandler() {
        this(Providers.install(), new DiscountEngine());
    }

    public PricingHandler(Client flags, DiscountEngine discounts) {
        this.flags = flags;
        this.discounts = discounts;
    }

    @Override
    public Quote handleRequest(Map<String, Object> request, Context context) {
        String sku = String.valueOf(request.get("sku"));
        String customer = String.valueOf(request.get("customerId"));
        String tier = String.valueOf(request.getOrDefault("tier", "standard"));
        long base = ((Number) request.get("basePriceCents")).longValue();
        long discount = 0;
        var evaluation = new ImmutableContext(customer, Map.of("tier", new Value(tier)));
        if (flags.getBooleanValue("dynamic-discount", false, evaluation)) {
            discount = discounts.discountCents(tier, base);
        }
        return new Quote(sku, customer, tier, base, base - discount, discount);
    }

    /** Start-up: the provider for this process. */
    static final class Providers {
        private Providers() {}

        static Client install() {
            OpenFeatureAPI api = OpenFeatureAPI.getInstance();
            if ("appconfig-agent".equals(System.getenv("PRICING_FLAG_PROVIDER"))) {
                String port = System.getenv().getOrDefault("AWS_APPCONFIG_EXTENSION_HTTP_PORT", "2772");
                URI profile = URI.create("http://127.0.0.1:" + port + "/applications/"
                        + System.getenv().getOrDefault("FLAGTEST_APPCONFIG_APPLICATION", "pricing") + "/environments/"
                        + System.getenv().getOrDefault("FLAGTEST_APPCONFIG_ENVIRONMENT", "prod") + "/configurations/"
                        + System.getenv().getOrDefault("FLAGTEST_APPCONFIG_PROFILE", "flags"));
                api.setProviderAndWait(new AgentProvider(profile));
            }
            return api.getClient("pricing");
        }
    }
}
