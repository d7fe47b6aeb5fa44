package com.example.shop.quarkus;

import com.example.shop.Features;
import jakarta.enterprise.context.ApplicationScoped;

/** The flag client bean: reads AppConfig, which a test machine cannot reach. */
@ApplicationScoped
public class AppConfigFeatures implements Features {

    @Override
    public boolean isEnabled(String flag) {
        throw new IllegalStateException("Unable to load credentials from any of the providers in the chain");
    }
}
