package cn.talentpolicy.api;

/** A recorded decision that cannot be replayed (its input was not kept, or has been erased): 409. */
class ReplayUnavailableException extends RuntimeException {

    ReplayUnavailableException(String message) {
        super(message);
    }
}
