package io.muster.notification.domain;

/** A person's SMS in the rate-limit window: how many first tries are due in it, and how many it allows. */
public record SmsWindow(int used, int limit) {

    public boolean hasRoom() {
        return used < limit;
    }
}
