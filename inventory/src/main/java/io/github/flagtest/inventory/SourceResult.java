package io.github.flagtest.inventory;

/** One source as {@code inventory.json} lists it: its account (null when unknown) and error (null when read). */
record SourceResult(String name, String account, String region, String error) {}
