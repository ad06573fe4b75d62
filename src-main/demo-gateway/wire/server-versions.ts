// TWS API server-version constants (the MIN_SERVER_VER_* of IB's ibapi/server_versions.py) that change a field
// layout in the range this gateway speaks (157…193). Every version-dependent field in the encoder and decoder
// cites one of these names.

/** The lowest server version the demo gateway negotiates (ib_async announces v157..178). */
export const MIN_SUPPORTED_SERVER_VERSION = 157;
/** The highest: 193 is the last text-protocol version @stoqey/ib knows; 201+ switches families to protobuf. */
export const MAX_SUPPORTED_SERVER_VERSION = 193;

export const MIN_SERVER_VER_MD_SIZE_MULTIPLIER = 110;
export const MIN_SERVER_VER_AGG_GROUP = 121;
export const MIN_SERVER_VER_UNDERLYING_INFO = 122;
export const MIN_SERVER_VER_SYNT_REALTIME_BARS = 124;
export const MIN_SERVER_VER_MARKET_RULES = 126;
export const MIN_SERVER_VER_UNREALIZED_PNL = 129;
export const MIN_SERVER_VER_REAL_EXPIRATION_DATE = 134;
export const MIN_SERVER_VER_REALIZED_PNL = 135;
export const MIN_SERVER_VER_LAST_LIQUIDITY = 136;
export const MIN_SERVER_VER_WHAT_IF_EXT_FIELDS = 142;
export const MIN_SERVER_VER_SCANNER_GENERIC_OPTS = 143;
export const MIN_SERVER_VER_ORDER_CONTAINER = 145;
export const MIN_SERVER_VER_D_PEG_ORDERS = 148;
export const MIN_SERVER_VER_PRICE_MGMT_ALGO = 151;
export const MIN_SERVER_VER_STOCK_TYPE = 152;
export const MIN_SERVER_VER_DURATION = 158;
export const MIN_SERVER_VER_MARKET_DATA_IN_SHARES = 159;
export const MIN_SERVER_VER_POST_TO_ATS = 160;
export const MIN_SERVER_VER_AUTO_CANCEL_PARENT = 162;
export const MIN_SERVER_VER_FRACTIONAL_SIZE_SUPPORT = 163;
export const MIN_SERVER_VER_SIZE_RULES = 164;
export const MIN_SERVER_VER_ADVANCED_ORDER_REJECT = 166;
export const MIN_SERVER_VER_MANUAL_ORDER_TIME = 169;
export const MIN_SERVER_VER_PEGBEST_PEGMID_OFFSETS = 170;
export const MIN_SERVER_VER_HMDS_MARKET_DATA_IN_SHARES = 175;
export const MIN_SERVER_VER_BOND_ISSUERID = 176;
export const MIN_SERVER_VER_FA_PROFILE_DESUPPORT = 177;
export const MIN_SERVER_VER_PENDING_PRICE_REVISION = 178;
export const MIN_SERVER_VER_LAST_TRADE_DATE = 182;
export const MIN_SERVER_VER_CUSTOMER_ACCOUNT = 183;
export const MIN_SERVER_VER_PROFESSIONAL_CUSTOMER = 184;
export const MIN_SERVER_VER_BOND_ACCRUED_INTEREST = 185;
export const MIN_SERVER_VER_INELIGIBILITY_REASONS = 186;
export const MIN_SERVER_VER_RFQ_FIELDS = 187;
export const MIN_SERVER_VER_INCLUDE_OVERNIGHT = 189;
export const MIN_SERVER_VER_UNDO_RFQ_FIELDS = 190;
export const MIN_SERVER_VER_CME_TAGGING_FIELDS = 192;
export const MIN_SERVER_VER_CME_TAGGING_FIELDS_IN_OPEN_ORDER = 193;
