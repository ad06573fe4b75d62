// The values IBDesk takes from @stoqey/ib, from the modules that define them: the package's index also loads its
// IBApiNext (and all of rxjs), which IBDesk never uses and which cost the web host about a third of its module
// loading at start (`npm run bench -- start`). Types still come from the package's index (they cost nothing).
export { IBApi } from '@stoqey/ib/dist/api/api.js';
export { EventName } from '@stoqey/ib/dist/api/data/enum/event-name.js';
export { SecType } from '@stoqey/ib/dist/api/data/enum/sec-type.js';
export { OrderAction } from '@stoqey/ib/dist/api/order/enum/order-action.js';
export { OrderType } from '@stoqey/ib/dist/api/order/enum/orderType.js';
export { ScanCode } from '@stoqey/ib/dist/api/market-scanner/market-scanner.js';
export { TickByTickDataType } from '@stoqey/ib/dist/api/market/tickByTickDataType.js';
export { WhatToShow } from '@stoqey/ib/dist/api/historical/what-to-show.js';
