package com.example.shop.quarkus;

import com.example.shop.Features;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** The flag client bean: each flag from the function's environment, {@code FEATURE_LOYALTY_POINTS=true}. */
@ApplicationScoped
public class EnvironmentFeatures implements Features {

    @Override
    public boolean isEnabled(String flag) {
        return Boolean.parseBoolean(
                System.getenv("FEATURE_" + flag.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")));
    }
}
