package io.muster.directory.service;

import io.muster.contracts.ChannelType;

/** A contact channel to add; the address is checked against the type when it is made. Lower preference first. */
public record NewChannel(ChannelType type, String address, int preference) {
}
