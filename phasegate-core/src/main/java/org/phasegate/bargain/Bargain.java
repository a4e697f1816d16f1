package org.phasegate.bargain;

/**
 * A proposed deal: the initiator moves to {@code initPos} and the receiver to
 * {@code rcvrPos}. When initiator and receiver are the same actor, it is that
 * actor's status quo. Arrays are owned by the bargain and never changed.
 */
record Bargain(int initiator, int receiver, double[] initPos, double[] rcvrPos) {

    static Bargain statusQuo(int actor, double[] position) {
        return new Bargain(actor, actor, position, position);
    }

    boolean isStatusQuo() {
        return initiator == receiver;
    }

    /** Where this bargain puts actor {@code k}, one of its two parties. */
    double[] positionOf(int k) {
        return k == initiator ? initPos : rcvrPos;
    }
}
