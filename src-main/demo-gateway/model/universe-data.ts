// The demo universe's data tables (model/universe.ts builds the instruments from them). First its US stocks and
// ETFs: real symbols (S&P 500 constituents and popular ETFs) with plausible reference prices and market caps (USD
// billions; AUM for ETFs), circa 2025. Not market data: the model moves prices around these levels. Columns:
// symbol|name|sector|category|price|capB|listing (Q NASDAQ, N NYSE, A ARCA, B BATS).
export const EQUITY_TABLE = `
AAPL|Apple Inc|IT|Computers|230|3450|Q
MSFT|Microsoft Corp|IT|Software|420|3120|Q
NVDA|NVIDIA Corp|IT|Semiconductors|135|3300|Q
AVGO|Broadcom Inc|IT|Semiconductors|170|800|Q
ORCL|Oracle Corp|IT|Software|170|470|N
CRM|Salesforce Inc|IT|Software|290|280|N
ADBE|Adobe Inc|IT|Software|500|220|Q
AMD|Advanced Micro Devices Inc|IT|Semiconductors|150|240|Q
CSCO|Cisco Systems Inc|IT|Telecommunications|55|220|Q
ACN|Accenture PLC Class A|IT|Computers|350|220|N
IBM|International Business Machines Corp|IT|Computers|220|205|N
INTU|Intuit Inc|IT|Software|640|180|Q
TXN|Texas Instruments Inc|IT|Semiconductors|200|182|Q
QCOM|Qualcomm Inc|IT|Semiconductors|165|185|Q
NOW|ServiceNow Inc|IT|Software|950|195|N
AMAT|Applied Materials Inc|IT|Semiconductors|180|150|Q
PANW|Palo Alto Networks Inc|IT|Software|370|120|Q
ADI|Analog Devices Inc|IT|Semiconductors|220|110|Q
MU|Micron Technology Inc|IT|Semiconductors|100|110|Q
LRCX|Lam Research Corp|IT|Semiconductors|75|97|Q
KLAC|KLA Corp|IT|Semiconductors|680|91|Q
INTC|Intel Corp|IT|Semiconductors|22|95|Q
ANET|Arista Networks Inc|IT|Telecommunications|100|125|N
APH|Amphenol Corp Class A|IT|Electronics|70|85|N
SNPS|Synopsys Inc|IT|Software|520|80|Q
CDNS|Cadence Design Systems Inc|IT|Software|290|79|Q
MSI|Motorola Solutions Inc|IT|Telecommunications|470|78|N
CRWD|CrowdStrike Holdings Inc|IT|Software|350|85|Q
FTNT|Fortinet Inc|IT|Software|95|73|Q
ADSK|Autodesk Inc|IT|Software|300|64|Q
ROP|Roper Technologies Inc|IT|Software|550|59|Q
NXPI|NXP Semiconductors NV|IT|Semiconductors|230|58|Q
WDAY|Workday Inc Class A|IT|Software|260|69|Q
MCHP|Microchip Technology Inc|IT|Semiconductors|65|35|Q
TEL|TE Connectivity PLC|IT|Electronics|150|45|N
FICO|Fair Isaac Corp|IT|Software|2100|51|N
IT|Gartner Inc|IT|Commercial Services|500|39|N
CTSH|Cognizant Technology Solutions Corp|IT|Computers|78|39|Q
GLW|Corning Inc|IT|Electronics|48|41|N
HPQ|HP Inc|IT|Computers|35|34|N
DELL|Dell Technologies Inc Class C|IT|Computers|120|84|N
MPWR|Monolithic Power Systems Inc|IT|Semiconductors|600|29|Q
ON|ON Semiconductor Corp|IT|Semiconductors|65|28|Q
HPE|Hewlett Packard Enterprise Co|IT|Computers|21|28|N
KEYS|Keysight Technologies Inc|IT|Electronics|165|29|N
CDW|CDW Corp|IT|Computers|180|24|Q
ANSS|Ansys Inc|IT|Software|340|30|Q
TYL|Tyler Technologies Inc|IT|Software|600|26|N
FSLR|First Solar Inc|IT|Energy-Alternate Sources|180|19|Q
NTAP|NetApp Inc|IT|Computers|120|25|Q
GDDY|GoDaddy Inc Class A|IT|Internet|190|27|N
PTC|PTC Inc|IT|Software|190|23|Q
TDY|Teledyne Technologies Inc|IT|Electronics|470|22|N
WDC|Western Digital Corp|IT|Computers|65|22|Q
STX|Seagate Technology Holdings PLC|IT|Computers|100|21|Q
SMCI|Super Micro Computer Inc|IT|Computers|35|20|Q
ZBRA|Zebra Technologies Corp Class A|IT|Electronics|380|20|Q
TER|Teradyne Inc|IT|Semiconductors|110|18|Q
TRMB|Trimble Inc|IT|Electronics|72|18|Q
GEN|Gen Digital Inc|IT|Software|29|18|Q
VRSN|VeriSign Inc|IT|Internet|200|19|Q
JBL|Jabil Inc|IT|Electronics|135|15|N
SWKS|Skyworks Solutions Inc|IT|Semiconductors|88|14|Q
AKAM|Akamai Technologies Inc|IT|Internet|95|14|Q
FFIV|F5 Inc|IT|Internet|250|14|Q
EPAM|EPAM Systems Inc|IT|Computers|230|13|N
ENPH|Enphase Energy Inc|IT|Energy-Alternate Sources|65|9|Q
QRVO|Qorvo Inc|IT|Semiconductors|70|7|Q
JNPR|Juniper Networks Inc|IT|Telecommunications|37|12|N
PLTR|Palantir Technologies Inc Class A|IT|Software|70|160|Q
JKHY|Jack Henry & Associates Inc|IT|Software|175|13|Q
GOOGL|Alphabet Inc Class A|CS|Internet|175|2150|Q
GOOG|Alphabet Inc Class C|CS|Internet|177|2150|Q
META|Meta Platforms Inc Class A|CS|Internet|580|1460|Q
NFLX|Netflix Inc|CS|Internet|880|375|Q
TMUS|T-Mobile US Inc|CS|Telecommunications|240|275|Q
DIS|Walt Disney Co|CS|Media|110|200|N
CMCSA|Comcast Corp Class A|CS|Media|42|165|Q
VZ|Verizon Communications Inc|CS|Telecommunications|42|177|N
T|AT&T Inc|CS|Telecommunications|23|165|N
CHTR|Charter Communications Inc Class A|CS|Media|390|56|Q
EA|Electronic Arts Inc|CS|Software|150|40|Q
TTWO|Take-Two Interactive Software Inc|CS|Software|185|32|Q
WBD|Warner Bros Discovery Inc|CS|Media|10|25|Q
OMC|Omnicom Group Inc|CS|Advertising|100|20|N
LYV|Live Nation Entertainment Inc|CS|Entertainment|130|30|N
IPG|Interpublic Group of Cos Inc|CS|Advertising|29|11|N
FOXA|Fox Corp Class A|CS|Media|45|21|Q
FOX|Fox Corp Class B|CS|Media|42|21|Q
NWSA|News Corp Class A|CS|Media|28|16|Q
NWS|News Corp Class B|CS|Media|30|16|Q
PARA|Paramount Global Class B|CS|Media|11|7|Q
MTCH|Match Group Inc|CS|Internet|32|8|Q
AMZN|Amazon.com Inc|CD|Internet|205|2150|Q
TSLA|Tesla Inc|CD|Auto Manufacturers|340|1090|Q
HD|Home Depot Inc|CD|Retail|410|405|N
MCD|McDonald's Corp|CD|Retail|295|212|N
LOW|Lowe's Cos Inc|CD|Retail|265|150|N
BKNG|Booking Holdings Inc|CD|Internet|5000|165|Q
TJX|TJX Cos Inc|CD|Retail|120|135|N
SBUX|Starbucks Corp|CD|Retail|100|113|Q
NKE|Nike Inc Class B|CD|Apparel|77|115|N
ABNB|Airbnb Inc Class A|CD|Internet|135|85|Q
CMG|Chipotle Mexican Grill Inc|CD|Retail|60|82|N
ORLY|O'Reilly Automotive Inc|CD|Retail|1200|70|Q
MAR|Marriott International Inc Class A|CD|Lodging|280|78|Q
GM|General Motors Co|CD|Auto Manufacturers|55|60|N
F|Ford Motor Co|CD|Auto Manufacturers|11|43|N
HLT|Hilton Worldwide Holdings Inc|CD|Lodging|250|61|N
AZO|AutoZone Inc|CD|Retail|3100|53|N
RCL|Royal Caribbean Cruises Ltd|CD|Leisure Time|230|62|N
ROST|Ross Stores Inc|CD|Retail|140|47|Q
DHI|D R Horton Inc|CD|Home Builders|150|49|N
LEN|Lennar Corp Class A|CD|Home Builders|140|38|N
YUM|Yum! Brands Inc|CD|Retail|135|38|N
EBAY|eBay Inc|CD|Internet|63|31|Q
TSCO|Tractor Supply Co|CD|Retail|54|29|Q
LULU|Lululemon Athletica Inc|CD|Apparel|320|39|Q
PHM|PulteGroup Inc|CD|Home Builders|125|26|N
NVR|NVR Inc|CD|Home Builders|9000|28|N
DECK|Deckers Outdoor Corp|CD|Apparel|180|27|N
GRMN|Garmin Ltd|CD|Electronics|210|41|N
CCL|Carnival Corp|CD|Leisure Time|25|33|N
EXPE|Expedia Group Inc|CD|Internet|180|23|Q
ULTA|Ulta Beauty Inc|CD|Retail|400|19|Q
DRI|Darden Restaurants Inc|CD|Retail|175|21|N
GPC|Genuine Parts Co|CD|Distribution/Wholesale|120|17|N
BBY|Best Buy Co Inc|CD|Retail|88|19|N
LVS|Las Vegas Sands Corp|CD|Lodging|50|37|N
DPZ|Domino's Pizza Inc|CD|Retail|430|15|N
POOL|Pool Corp|CD|Distribution/Wholesale|360|14|Q
KMX|CarMax Inc|CD|Retail|80|12|N
TPR|Tapestry Inc|CD|Apparel|60|14|N
LKQ|LKQ Corp|CD|Distribution/Wholesale|38|10|Q
MGM|MGM Resorts International|CD|Lodging|37|11|N
NCLH|Norwegian Cruise Line Holdings Ltd|CD|Leisure Time|26|11|N
WYNN|Wynn Resorts Ltd|CD|Lodging|90|10|Q
HAS|Hasbro Inc|CD|Toys/Games/Hobbies|62|9|Q
RL|Ralph Lauren Corp Class A|CD|Apparel|220|14|N
CZR|Caesars Entertainment Inc|CD|Entertainment|38|8|Q
BWA|BorgWarner Inc|CD|Auto Parts&Equipment|33|7|N
APTV|Aptiv PLC|CD|Auto Parts&Equipment|55|14|N
MHK|Mohawk Industries Inc|CD|Textiles|130|8|N
WMT|Walmart Inc|CP|Retail|90|720|N
COST|Costco Wholesale Corp|CP|Retail|920|410|Q
PG|Procter & Gamble Co|CP|Cosmetics/Personal Care|170|400|N
KO|Coca-Cola Co|CP|Beverages|63|270|N
PEP|PepsiCo Inc|CP|Beverages|155|215|Q
PM|Philip Morris International Inc|CP|Agriculture|130|200|N
MDLZ|Mondelez International Inc Class A|CP|Food|62|83|Q
MO|Altria Group Inc|CP|Agriculture|55|93|N
CL|Colgate-Palmolive Co|CP|Cosmetics/Personal Care|92|75|N
TGT|Target Corp|CP|Retail|130|60|N
KMB|Kimberly-Clark Corp|CP|Household Products/Wares|135|45|N
KDP|Keurig Dr Pepper Inc|CP|Beverages|32|44|Q
MNST|Monster Beverage Corp|CP|Beverages|53|52|Q
KVUE|Kenvue Inc|CP|Cosmetics/Personal Care|23|44|N
GIS|General Mills Inc|CP|Food|64|35|N
STZ|Constellation Brands Inc Class A|CP|Beverages|235|43|N
SYY|Sysco Corp|CP|Food|75|37|N
KR|Kroger Co|CP|Food|60|43|N
ADM|Archer-Daniels-Midland Co|CP|Agriculture|52|25|N
HSY|Hershey Co|CP|Food|175|35|N
KHC|Kraft Heinz Co|CP|Food|31|37|Q
DG|Dollar General Corp|CP|Retail|77|17|N
DLTR|Dollar Tree Inc|CP|Retail|70|15|Q
EL|Estee Lauder Cos Inc Class A|CP|Cosmetics/Personal Care|70|25|N
CHD|Church & Dwight Co Inc|CP|Household Products/Wares|105|26|N
K|Kellanova|CP|Food|80|28|N
MKC|McCormick & Co Inc|CP|Food|78|21|N
CLX|Clorox Co|CP|Household Products/Wares|165|20|N
TSN|Tyson Foods Inc Class A|CP|Food|60|21|N
SJM|J M Smucker Co|CP|Food|115|12|N
CAG|Conagra Brands Inc|CP|Food|27|13|N
HRL|Hormel Foods Corp|CP|Food|31|17|N
CPB|Campbell's Co|CP|Food|44|13|Q
BG|Bunge Global SA|CP|Agriculture|85|12|N
TAP|Molson Coors Beverage Co Class B|CP|Beverages|58|12|N
LW|Lamb Weston Holdings Inc|CP|Food|75|11|N
WBA|Walgreens Boots Alliance Inc|CP|Retail|9|8|Q
LLY|Eli Lilly & Co|HC|Pharmaceuticals|780|740|N
UNH|UnitedHealth Group Inc|HC|Healthcare-Services|560|515|N
JNJ|Johnson & Johnson|HC|Pharmaceuticals|150|360|N
ABBV|AbbVie Inc|HC|Pharmaceuticals|175|310|N
MRK|Merck & Co Inc|HC|Pharmaceuticals|100|255|N
TMO|Thermo Fisher Scientific Inc|HC|Healthcare-Products|530|205|N
ABT|Abbott Laboratories|HC|Healthcare-Products|115|200|N
ISRG|Intuitive Surgical Inc|HC|Healthcare-Products|520|185|Q
DHR|Danaher Corp|HC|Healthcare-Products|240|175|N
AMGN|Amgen Inc|HC|Biotechnology|280|150|Q
PFE|Pfizer Inc|HC|Pharmaceuticals|26|148|N
SYK|Stryker Corp|HC|Healthcare-Products|380|145|N
BSX|Boston Scientific Corp|HC|Healthcare-Products|90|132|N
VRTX|Vertex Pharmaceuticals Inc|HC|Biotechnology|460|118|Q
GILD|Gilead Sciences Inc|HC|Biotechnology|92|115|Q
MDT|Medtronic PLC|HC|Healthcare-Products|86|110|N
BMY|Bristol-Myers Squibb Co|HC|Pharmaceuticals|58|118|N
ELV|Elevance Health Inc|HC|Healthcare-Services|400|93|N
CI|Cigna Group|HC|Healthcare-Services|320|89|N
REGN|Regeneron Pharmaceuticals Inc|HC|Biotechnology|750|82|Q
ZTS|Zoetis Inc Class A|HC|Pharmaceuticals|175|79|N
MCK|McKesson Corp|HC|Pharmaceuticals|600|76|N
HCA|HCA Healthcare Inc|HC|Healthcare-Services|320|82|N
CVS|CVS Health Corp|HC|Pharmaceuticals|55|70|N
BDX|Becton Dickinson & Co|HC|Healthcare-Products|225|65|N
COR|Cencora Inc|HC|Pharmaceuticals|240|47|N
EW|Edwards Lifesciences Corp|HC|Healthcare-Products|70|41|N
A|Agilent Technologies Inc|HC|Electronics|135|39|N
IDXX|IDEXX Laboratories Inc|HC|Healthcare-Products|420|35|Q
IQV|IQVIA Holdings Inc|HC|Healthcare-Services|200|36|N
GEHC|GE HealthCare Technologies Inc|HC|Healthcare-Products|85|39|Q
HUM|Humana Inc|HC|Healthcare-Services|280|34|N
RMD|ResMed Inc|HC|Healthcare-Products|245|36|N
CNC|Centene Corp|HC|Healthcare-Services|60|31|N
DXCM|DexCom Inc|HC|Healthcare-Products|75|29|Q
MTD|Mettler-Toledo International Inc|HC|Electronics|1250|27|N
BIIB|Biogen Inc|HC|Biotechnology|150|22|Q
CAH|Cardinal Health Inc|HC|Pharmaceuticals|120|29|N
WST|West Pharmaceutical Services Inc|HC|Healthcare-Products|320|23|N
STE|STERIS PLC|HC|Healthcare-Products|215|21|N
MRNA|Moderna Inc|HC|Biotechnology|40|16|Q
ZBH|Zimmer Biomet Holdings Inc|HC|Healthcare-Products|110|22|N
WAT|Waters Corp|HC|Electronics|380|23|N
MOH|Molina Healthcare Inc|HC|Healthcare-Services|300|17|N
LH|Labcorp Holdings Inc|HC|Healthcare-Services|235|20|N
DGX|Quest Diagnostics Inc|HC|Healthcare-Services|155|17|N
COO|Cooper Cos Inc|HC|Healthcare-Products|100|20|Q
HOLX|Hologic Inc|HC|Healthcare-Products|75|17|Q
BAX|Baxter International Inc|HC|Healthcare-Products|32|16|N
ALGN|Align Technology Inc|HC|Healthcare-Products|220|16|Q
PODD|Insulet Corp|HC|Healthcare-Products|260|18|Q
RVTY|Revvity Inc|HC|Electronics|115|14|N
VTRS|Viatris Inc|HC|Pharmaceuticals|12|14|Q
UHS|Universal Health Services Inc Class B|HC|Healthcare-Services|190|12|N
TECH|Bio-Techne Corp|HC|Biotechnology|70|11|Q
INCY|Incyte Corp|HC|Biotechnology|72|14|Q
CRL|Charles River Laboratories International Inc|HC|Healthcare-Services|190|10|N
HSIC|Henry Schein Inc|HC|Healthcare-Products|72|9|Q
SOLV|Solventum Corp|HC|Healthcare-Products|70|12|N
DVA|DaVita Inc|HC|Healthcare-Services|150|13|N
TFX|Teleflex Inc|HC|Healthcare-Products|190|9|N
BRK B|Berkshire Hathaway Inc Class B|FN|Insurance|470|1010|N
JPM|JPMorgan Chase & Co|FN|Banks|240|675|N
V|Visa Inc Class A|FN|Diversified Finan Serv|310|600|N
MA|Mastercard Inc Class A|FN|Diversified Finan Serv|520|480|N
BAC|Bank of America Corp|FN|Banks|45|345|N
WFC|Wells Fargo & Co|FN|Banks|72|240|N
GS|Goldman Sachs Group Inc|FN|Banks|580|180|N
MS|Morgan Stanley|FN|Banks|130|210|N
AXP|American Express Co|FN|Diversified Finan Serv|290|205|N
SPGI|S&P Global Inc|FN|Commercial Services|500|155|N
BLK|BlackRock Inc|FN|Diversified Finan Serv|1000|150|N
C|Citigroup Inc|FN|Banks|70|132|N
PGR|Progressive Corp|FN|Insurance|255|150|N
SCHW|Charles Schwab Corp|FN|Diversified Finan Serv|80|145|N
CB|Chubb Ltd|FN|Insurance|280|113|N
MMC|Marsh & McLennan Cos Inc|FN|Insurance|220|108|N
BX|Blackstone Inc|FN|Private Equity|180|130|N
KKR|KKR & Co Inc|FN|Private Equity|150|133|N
FI|Fiserv Inc|FN|Commercial Services|205|117|N
ICE|Intercontinental Exchange Inc|FN|Diversified Finan Serv|155|89|N
CME|CME Group Inc Class A|FN|Diversified Finan Serv|230|83|Q
PYPL|PayPal Holdings Inc|FN|Commercial Services|85|85|Q
AON|Aon PLC Class A|FN|Insurance|380|82|N
MCO|Moody's Corp|FN|Commercial Services|480|87|N
PNC|PNC Financial Services Group Inc|FN|Banks|200|80|N
USB|US Bancorp|FN|Banks|49|77|N
COF|Capital One Financial Corp|FN|Diversified Finan Serv|185|70|N
AJG|Arthur J Gallagher & Co|FN|Insurance|300|75|N
TFC|Truist Financial Corp|FN|Banks|45|60|N
TRV|Travelers Cos Inc|FN|Insurance|260|59|N
AFL|Aflac Inc|FN|Insurance|108|60|N
BK|Bank of New York Mellon Corp|FN|Banks|78|57|N
APO|Apollo Global Management Inc|FN|Private Equity|165|94|N
ALL|Allstate Corp|FN|Insurance|195|52|N
AMP|Ameriprise Financial Inc|FN|Diversified Finan Serv|540|52|N
MET|MetLife Inc|FN|Insurance|82|57|N
AIG|American International Group Inc|FN|Insurance|75|47|N
PRU|Prudential Financial Inc|FN|Insurance|120|43|N
MSCI|MSCI Inc|FN|Diversified Finan Serv|600|47|N
FIS|Fidelity National Information Services Inc|FN|Software|85|45|N
DFS|Discover Financial Services|FN|Diversified Finan Serv|175|44|N
ACGL|Arch Capital Group Ltd|FN|Insurance|95|36|Q
HIG|Hartford Financial Services Group Inc|FN|Insurance|115|34|N
NDAQ|Nasdaq Inc|FN|Diversified Finan Serv|78|45|Q
MTB|M&T Bank Corp|FN|Banks|200|33|N
FITB|Fifth Third Bancorp|FN|Banks|43|29|Q
GPN|Global Payments Inc|FN|Commercial Services|110|28|N
STT|State Street Corp|FN|Banks|95|28|N
RJF|Raymond James Financial Inc|FN|Diversified Finan Serv|155|32|N
WTW|Willis Towers Watson PLC|FN|Insurance|310|31|Q
BRO|Brown & Brown Inc|FN|Insurance|105|30|N
HBAN|Huntington Bancshares Inc|FN|Banks|16|24|Q
RF|Regions Financial Corp|FN|Banks|24|22|N
CINF|Cincinnati Financial Corp|FN|Insurance|145|23|Q
SYF|Synchrony Financial|FN|Diversified Finan Serv|65|25|N
CFG|Citizens Financial Group Inc|FN|Banks|44|20|N
NTRS|Northern Trust Corp|FN|Banks|100|20|Q
CPAY|Corpay Inc|FN|Commercial Services|350|24|N
PFG|Principal Financial Group Inc|FN|Insurance|82|19|Q
WRB|W R Berkley Corp|FN|Insurance|60|23|N
KEY|KeyCorp|FN|Banks|18|17|N
L|Loews Corp|FN|Insurance|83|18|N
EG|Everest Group Ltd|FN|Insurance|370|16|N
CBOE|Cboe Global Markets Inc|FN|Diversified Finan Serv|200|21|B
TROW|T Rowe Price Group Inc|FN|Diversified Finan Serv|115|25|Q
GL|Globe Life Inc|FN|Insurance|110|9|N
AIZ|Assurant Inc|FN|Insurance|210|11|N
ERIE|Erie Indemnity Co Class A|FN|Insurance|420|22|Q
IVZ|Invesco Ltd|FN|Diversified Finan Serv|17|8|N
BEN|Franklin Resources Inc|FN|Diversified Finan Serv|21|11|N
MKTX|MarketAxess Holdings Inc|FN|Diversified Finan Serv|250|9|Q
COIN|Coinbase Global Inc Class A|FN|Diversified Finan Serv|260|65|Q
GE|GE Aerospace|IN|Aerospace/Defense|180|195|N
CAT|Caterpillar Inc|IN|Machinery-Constr&Mining|380|185|N
RTX|RTX Corp|IN|Aerospace/Defense|120|160|N
UNP|Union Pacific Corp|IN|Transportation|235|143|N
HON|Honeywell International Inc|IN|Miscellaneous Manufactur|220|143|Q
ETN|Eaton Corp PLC|IN|Electrical Compo&Equip|350|138|N
UBER|Uber Technologies Inc|IN|Internet|70|147|N
BA|Boeing Co|IN|Aerospace/Defense|155|115|N
LMT|Lockheed Martin Corp|IN|Aerospace/Defense|520|123|N
DE|Deere & Co|IN|Machinery-Diversified|430|117|N
ADP|Automatic Data Processing Inc|IN|Commercial Services|300|122|Q
UPS|United Parcel Service Inc Class B|IN|Transportation|130|111|N
GEV|GE Vernova Inc|IN|Electrical Compo&Equip|330|91|N
TT|Trane Technologies PLC|IN|Building Materials|400|90|N
PH|Parker-Hannifin Corp|IN|Miscellaneous Manufactur|680|87|N
WM|Waste Management Inc|IN|Environmental Control|220|88|N
ITW|Illinois Tool Works Inc|IN|Miscellaneous Manufactur|270|80|N
CTAS|Cintas Corp|IN|Commercial Services|210|85|Q
TDG|TransDigm Group Inc|IN|Aerospace/Defense|1280|72|N
GD|General Dynamics Corp|IN|Aerospace/Defense|270|74|N
NOC|Northrop Grumman Corp|IN|Aerospace/Defense|500|73|N
MMM|3M Co|IN|Miscellaneous Manufactur|130|71|N
EMR|Emerson Electric Co|IN|Electrical Compo&Equip|125|71|N
CSX|CSX Corp|IN|Transportation|34|66|Q
FDX|FedEx Corp|IN|Transportation|280|68|N
CARR|Carrier Global Corp|IN|Building Materials|75|67|N
PCAR|PACCAR Inc|IN|Auto Manufacturers|110|58|Q
NSC|Norfolk Southern Corp|IN|Transportation|260|58|N
JCI|Johnson Controls International PLC|IN|Building Materials|82|54|N
CPRT|Copart Inc|IN|Retail|58|56|Q
URI|United Rentals Inc|IN|Commercial Services|780|51|N
GWW|W W Grainger Inc|IN|Distribution/Wholesale|1150|56|N
PAYX|Paychex Inc|IN|Commercial Services|145|52|Q
AXON|Axon Enterprise Inc|IN|Electronics|600|46|Q
RSG|Republic Services Inc|IN|Environmental Control|215|67|N
FAST|Fastenal Co|IN|Distribution/Wholesale|80|46|Q
CMI|Cummins Inc|IN|Machinery-Diversified|360|49|N
LHX|L3Harris Technologies Inc|IN|Aerospace/Defense|240|45|N
AME|AMETEK Inc|IN|Electrical Compo&Equip|185|43|N
HWM|Howmet Aerospace Inc|IN|Aerospace/Defense|115|47|N
PWR|Quanta Services Inc|IN|Engineering&Construction|320|47|N
ODFL|Old Dominion Freight Line Inc|IN|Transportation|200|42|Q
VRSK|Verisk Analytics Inc|IN|Commercial Services|280|40|Q
OTIS|Otis Worldwide Corp|IN|Machinery-Diversified|100|40|N
IR|Ingersoll Rand Inc|IN|Machinery-Diversified|95|38|N
EFX|Equifax Inc|IN|Commercial Services|260|32|N
DAL|Delta Air Lines Inc|IN|Airlines|62|40|N
XYL|Xylem Inc|IN|Machinery-Diversified|125|30|N
WAB|Westinghouse Air Brake Technologies Corp|IN|Machinery-Diversified|195|33|N
ROK|Rockwell Automation Inc|IN|Machinery-Diversified|280|32|N
VLTO|Veralto Corp|IN|Environmental Control|102|25|N
DOV|Dover Corp|IN|Miscellaneous Manufactur|195|27|N
UAL|United Airlines Holdings Inc|IN|Airlines|95|31|Q
BR|Broadridge Financial Solutions Inc|IN|Software|230|27|N
LDOS|Leidos Holdings Inc|IN|Computers|150|20|N
HUBB|Hubbell Inc|IN|Electrical Compo&Equip|420|22|N
FTV|Fortive Corp|IN|Electronics|75|26|N
BLDR|Builders FirstSource Inc|IN|Building Materials|150|17|N
LII|Lennox International Inc|IN|Building Materials|630|22|N
J|Jacobs Solutions Inc|IN|Engineering&Construction|135|17|N
EXPD|Expeditors International of Washington Inc|IN|Transportation|120|17|N
MAS|Masco Corp|IN|Building Materials|75|16|N
LUV|Southwest Airlines Co|IN|Airlines|32|19|N
TXT|Textron Inc|IN|Aerospace/Defense|80|15|N
SNA|Snap-on Inc|IN|Hand/Machine Tools|340|18|N
IEX|IDEX Corp|IN|Machinery-Diversified|215|16|N
PNR|Pentair PLC|IN|Miscellaneous Manufactur|100|17|N
JBHT|J B Hunt Transport Services Inc|IN|Transportation|175|18|Q
CHRW|C H Robinson Worldwide Inc|IN|Transportation|105|12|Q
ROL|Rollins Inc|IN|Commercial Services|50|24|N
NDSN|Nordson Corp|IN|Machinery-Diversified|250|14|Q
SWK|Stanley Black & Decker Inc|IN|Hand/Machine Tools|85|13|N
ALLE|Allegion PLC|IN|Electronics|135|12|N
AOS|A O Smith Corp|IN|Building Materials|70|10|N
GNRC|Generac Holdings Inc|IN|Electrical Compo&Equip|160|10|N
DAY|Dayforce Inc|IN|Software|75|12|N
PAYC|Paycom Software Inc|IN|Software|220|12|N
HII|Huntington Ingalls Industries Inc|IN|Shipbuilding|195|8|N
AAL|American Airlines Group Inc|IN|Airlines|16|10|Q
XOM|Exxon Mobil Corp|EN|Oil&Gas|115|505|N
CVX|Chevron Corp|EN|Oil&Gas|155|280|N
COP|ConocoPhillips|EN|Oil&Gas|105|135|N
EOG|EOG Resources Inc|EN|Oil&Gas|130|74|N
SLB|Schlumberger NV|EN|Oil&Gas Services|42|60|N
WMB|Williams Cos Inc|EN|Pipelines|55|67|N
OKE|ONEOK Inc|EN|Pipelines|105|61|N
MPC|Marathon Petroleum Corp|EN|Oil&Gas|150|48|N
PSX|Phillips 66|EN|Oil&Gas|130|54|N
KMI|Kinder Morgan Inc|EN|Pipelines|27|60|N
FANG|Diamondback Energy Inc|EN|Oil&Gas|175|51|Q
VLO|Valero Energy Corp|EN|Oil&Gas|135|43|N
HES|Hess Corp|EN|Oil&Gas|140|43|N
OXY|Occidental Petroleum Corp|EN|Oil&Gas|50|47|N
BKR|Baker Hughes Co Class A|EN|Oil&Gas Services|42|42|Q
TRGP|Targa Resources Corp|EN|Pipelines|195|43|N
HAL|Halliburton Co|EN|Oil&Gas Services|29|26|N
DVN|Devon Energy Corp|EN|Oil&Gas|38|25|N
EQT|EQT Corp|EN|Oil&Gas|45|27|N
CTRA|Coterra Energy Inc|EN|Oil&Gas|26|19|N
APA|APA Corp|EN|Oil&Gas|23|9|Q
LIN|Linde PLC|MT|Chemicals|460|220|Q
SHW|Sherwin-Williams Co|MT|Chemicals|380|95|N
APD|Air Products and Chemicals Inc|MT|Chemicals|320|71|N
ECL|Ecolab Inc|MT|Chemicals|245|69|N
FCX|Freeport-McMoRan Inc|MT|Mining|45|64|N
NEM|Newmont Corp|MT|Mining|45|51|N
CTVA|Corteva Inc|MT|Chemicals|60|41|N
DOW|Dow Inc|MT|Chemicals|45|31|N
NUE|Nucor Corp|MT|Iron/Steel|140|33|N
MLM|Martin Marietta Materials Inc|MT|Building Materials|580|35|N
VMC|Vulcan Materials Co|MT|Building Materials|280|37|N
DD|DuPont de Nemours Inc|MT|Chemicals|82|34|N
PPG|PPG Industries Inc|MT|Chemicals|125|29|N
IFF|International Flavors & Fragrances Inc|MT|Chemicals|88|22|N
LYB|LyondellBasell Industries NV Class A|MT|Chemicals|80|26|N
SW|Smurfit Westrock PLC|MT|Packaging&Containers|52|27|N
PKG|Packaging Corp of America|MT|Packaging&Containers|235|21|N
STLD|Steel Dynamics Inc|MT|Iron/Steel|140|21|Q
BALL|Ball Corp|MT|Packaging&Containers|58|17|N
AMCR|Amcor PLC|MT|Packaging&Containers|10|14|N
CF|CF Industries Holdings Inc|MT|Chemicals|88|15|N
IP|International Paper Co|MT|Forest Products&Paper|56|19|N
AVY|Avery Dennison Corp|MT|Packaging&Containers|195|16|N
ALB|Albemarle Corp|MT|Chemicals|95|11|N
MOS|Mosaic Co|MT|Chemicals|26|8|N
CE|Celanese Corp|MT|Chemicals|70|8|N
EMN|Eastman Chemical Co|MT|Chemicals|100|12|N
NEE|NextEra Energy Inc|UT|Electric|75|155|N
SO|Southern Co|UT|Electric|88|96|N
DUK|Duke Energy Corp|UT|Electric|112|87|N
CEG|Constellation Energy Corp|UT|Electric|250|78|Q
AEP|American Electric Power Co Inc|UT|Electric|95|50|Q
SRE|Sempra|UT|Gas|88|56|N
D|Dominion Energy Inc|UT|Electric|56|47|N
PCG|PG&E Corp|UT|Electric|20|44|N
EXC|Exelon Corp|UT|Electric|39|39|Q
PEG|Public Service Enterprise Group Inc|UT|Electric|88|44|N
VST|Vistra Corp|UT|Electric|145|49|N
XEL|Xcel Energy Inc|UT|Electric|68|39|Q
ED|Consolidated Edison Inc|UT|Electric|95|33|N
EIX|Edison International|UT|Electric|80|31|N
WEC|WEC Energy Group Inc|UT|Electric|97|31|N
ETR|Entergy Corp|UT|Electric|75|32|N
DTE|DTE Energy Co|UT|Electric|122|25|N
AWK|American Water Works Co Inc|UT|Water|130|25|N
PPL|PPL Corp|UT|Electric|33|24|N
AEE|Ameren Corp|UT|Electric|90|24|N
ES|Eversource Energy|UT|Electric|60|22|N
FE|FirstEnergy Corp|UT|Electric|40|23|N
CNP|CenterPoint Energy Inc|UT|Gas|32|21|N
ATO|Atmos Energy Corp|UT|Gas|145|23|N
CMS|CMS Energy Corp|UT|Electric|68|20|N
NRG|NRG Energy Inc|UT|Electric|92|19|N
LNT|Alliant Energy Corp|UT|Electric|60|15|Q
NI|NiSource Inc|UT|Gas|37|17|N
EVRG|Evergy Inc|UT|Electric|62|14|Q
PNW|Pinnacle West Capital Corp|UT|Electric|88|10|N
AES|AES Corp|UT|Electric|13|9|N
PLD|Prologis Inc|RE|REITS|115|106|N
AMT|American Tower Corp|RE|REITS|200|93|N
EQIX|Equinix Inc|RE|REITS|920|89|Q
WELL|Welltower Inc|RE|REITS|130|80|N
SPG|Simon Property Group Inc|RE|REITS|175|57|N
O|Realty Income Corp|RE|REITS|55|48|N
PSA|Public Storage|RE|REITS|320|56|N
DLR|Digital Realty Trust Inc|RE|REITS|180|60|N
CCI|Crown Castle Inc|RE|REITS|95|41|N
CBRE|CBRE Group Inc Class A|RE|Real Estate|135|41|N
EXR|Extra Space Storage Inc|RE|REITS|150|32|N
AVB|AvalonBay Communities Inc|RE|REITS|225|32|N
VICI|VICI Properties Inc|RE|REITS|30|32|N
IRM|Iron Mountain Inc|RE|REITS|105|31|N
CSGP|CoStar Group Inc|RE|Internet|75|30|Q
EQR|Equity Residential|RE|REITS|70|27|N
VTR|Ventas Inc|RE|REITS|62|26|N
SBAC|SBA Communications Corp Class A|RE|REITS|210|23|Q
INVH|Invitation Homes Inc|RE|REITS|32|20|N
WY|Weyerhaeuser Co|RE|REITS|29|21|N
ARE|Alexandria Real Estate Equities Inc|RE|REITS|100|17|N
ESS|Essex Property Trust Inc|RE|REITS|290|19|N
MAA|Mid-America Apartment Communities Inc|RE|REITS|155|18|N
KIM|Kimco Realty Corp|RE|REITS|23|16|N
DOC|Healthpeak Properties Inc|RE|REITS|20|14|N
UDR|UDR Inc|RE|REITS|43|14|N
HST|Host Hotels & Resorts Inc|RE|REITS|17|12|Q
CPT|Camden Property Trust|RE|REITS|120|13|N
REG|Regency Centers Corp|RE|REITS|72|13|Q
BXP|BXP Inc|RE|REITS|75|12|N
FRT|Federal Realty Investment Trust|RE|REITS|105|9|N
SPY|SPDR S&P 500 ETF Trust|ETF|Large Cap Blend|590|540|A
IVV|iShares Core S&P 500 ETF|ETF|Large Cap Blend|595|520|A
VOO|Vanguard S&P 500 ETF|ETF|Large Cap Blend|545|500|A
QQQ|Invesco QQQ Trust Series 1|ETF|Large Cap Growth|510|320|Q
VTI|Vanguard Total Stock Market ETF|ETF|Total Market|295|440|A
IWM|iShares Russell 2000 ETF|ETF|Small Cap Blend|235|70|A
DIA|SPDR Dow Jones Industrial Average ETF Trust|ETF|Large Cap Value|440|33|A
EFA|iShares MSCI EAFE ETF|ETF|International Equity|80|50|A
EEM|iShares MSCI Emerging Markets ETF|ETF|Emerging Markets|43|18|A
VEA|Vanguard FTSE Developed Markets ETF|ETF|International Equity|50|130|A
VWO|Vanguard FTSE Emerging Markets ETF|ETF|Emerging Markets|45|80|A
AGG|iShares Core US Aggregate Bond ETF|ETF|Fixed Income|98|120|A
BND|Vanguard Total Bond Market ETF|ETF|Fixed Income|72|120|Q
TLT|iShares 20+ Year Treasury Bond ETF|ETF|Fixed Income|92|60|Q
IEF|iShares 7-10 Year Treasury Bond ETF|ETF|Fixed Income|94|30|Q
SHY|iShares 1-3 Year Treasury Bond ETF|ETF|Fixed Income|82|24|Q
LQD|iShares iBoxx $ Investment Grade Corporate Bond ETF|ETF|Fixed Income|108|31|A
HYG|iShares iBoxx $ High Yield Corporate Bond ETF|ETF|Fixed Income|79|15|A
GLD|SPDR Gold Shares|ETF|Commodity|245|75|A
SLV|iShares Silver Trust|ETF|Commodity|28|14|A
USO|United States Oil Fund LP|ETF|Commodity|75|1|A
XLK|Technology Select Sector SPDR Fund|ETF|Sector Equity|235|72|A
XLF|Financial Select Sector SPDR Fund|ETF|Sector Equity|49|48|A
XLE|Energy Select Sector SPDR Fund|ETF|Sector Equity|92|34|A
XLV|Health Care Select Sector SPDR Fund|ETF|Sector Equity|145|38|A
XLY|Consumer Discretionary Select Sector SPDR Fund|ETF|Sector Equity|220|23|A
XLP|Consumer Staples Select Sector SPDR Fund|ETF|Sector Equity|80|17|A
XLI|Industrial Select Sector SPDR Fund|ETF|Sector Equity|138|21|A
XLU|Utilities Select Sector SPDR Fund|ETF|Sector Equity|78|18|A
XLB|Materials Select Sector SPDR Fund|ETF|Sector Equity|90|5|A
XLRE|Real Estate Select Sector SPDR Fund|ETF|Sector Equity|42|7|A
XLC|Communication Services Select Sector SPDR Fund|ETF|Sector Equity|98|20|A
SMH|VanEck Semiconductor ETF|ETF|Sector Equity|250|24|Q
SOXX|iShares Semiconductor ETF|ETF|Sector Equity|225|13|Q
ARKK|ARK Innovation ETF|ETF|Growth Equity|58|6|A
KRE|SPDR S&P Regional Banking ETF|ETF|Sector Equity|62|4|A
XBI|SPDR S&P Biotech ETF|ETF|Sector Equity|92|7|A
GDX|VanEck Gold Miners ETF|ETF|Sector Equity|37|14|A
VNQ|Vanguard Real Estate ETF|ETF|Sector Equity|92|35|A
TQQQ|ProShares UltraPro QQQ|ETF|Leveraged Equity|80|25|Q
SQQQ|ProShares UltraPro Short QQQ|ETF|Leveraged Equity|8|3|Q
SCHD|Schwab US Dividend Equity ETF|ETF|Large Cap Value|28|65|A
IWF|iShares Russell 1000 Growth ETF|ETF|Large Cap Growth|400|100|A
IWD|iShares Russell 1000 Value ETF|ETF|Large Cap Value|195|60|A
`;

// The demo universe's futures roots (two expiries of each are listed): root|name|exchange|multiplier|tick|reference
// price|daily vol|average daily volume|contract months|last trading day ("third-friday", or monthOffset/dayOfMonth,
// moved back off weekends)|conId of the underlying index.
export const FUTURES_TABLE = `
ES|E-mini S&P 500|CME|50|0.25|6000|0.01|1500000|3,6,9,12|third-friday|11004968
NQ|E-mini Nasdaq-100|CME|20|0.25|21000|0.013|600000|3,6,9,12|third-friday|11004958
YM|E-mini Dow Jones Industrial Average ($5)|CBOT|5|1|44000|0.009|150000|3,6,9,12|third-friday|11004966
RTY|E-mini Russell 2000|CME|50|0.1|2300|0.014|200000|3,6,9,12|third-friday|416888
CL|Light Sweet Crude Oil|NYMEX|1000|0.01|70|0.022|350000|1,2,3,4,5,6,7,8,9,10,11,12|-1/20|17340715
NG|Henry Hub Natural Gas|NYMEX|10000|0.001|3.2|0.035|150000|1,2,3,4,5,6,7,8,9,10,11,12|-1/26|17340723
GC|Gold|COMEX|100|0.1|2650|0.01|200000|2,4,6,8,10,12|0/26|11004987
SI|Silver|COMEX|5000|0.005|31|0.018|60000|3,5,7,9,12|0/26|11004995
ZN|10-Year T-Note|CBOT|1000|0.015625|110.5|0.004|1200000|3,6,9,12|third-friday|11004984
ZB|30-Year U.S. Treasury Bond|CBOT|1000|0.03125|117|0.008|350000|3,6,9,12|third-friday|11004981
`;

/** Contract ids that real TWS users will recognise; every other conId is derived from the symbol. */
export const KNOWN_CONIDS: Readonly<Record<string, number>> = {
  AAPL: 265598,
  MSFT: 272093,
  IBM: 8314,
  AMZN: 3691937,
  TSLA: 76792991,
  NVDA: 4815747,
  GOOGL: 208813719,
  META: 107113386,
  SPY: 756733,
  QQQ: 320227571,
  INTC: 270639,
  'EUR.USD': 12087792,
  'GBP.USD': 12087797,
  'USD.JPY': 15016059,
};
