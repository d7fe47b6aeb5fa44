package io.github.flagtest.samples.orders;

/** The loyalty programme: the entry point of the "loyalty-points" feature. */
public interface LoyaltyService {

    /** Credits {@code points} to the customer; returns the points credited. */
    long award(String customerId, long points);
}
