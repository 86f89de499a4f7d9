package cn.talentpolicy.api;

/** GET or reproduce a certification id that is not stored: 404. */
class UnknownCertificationException extends RuntimeException {

    UnknownCertificationException(String certificationId) {
        super("No certification has the id '" + certificationId + "'");
    }
}
