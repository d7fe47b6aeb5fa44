package io.github.flagtest.samples.orders;

/** The production ledger; here it logs what it credits (a real one would write to DynamoDB). */
public final class LoyaltyLedger implements LoyaltyService {

    @Override
    public long award(String customerId, long points) {
        System.out.println("loyalty: credited " + points + " points to " + customerId);
        return points;
    }
}
