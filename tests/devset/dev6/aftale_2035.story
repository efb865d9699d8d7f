@header Aftale om kommunernes økonomi for 2035 · Regeringen og KL
@footer Side {page}
# Aftale om kommunernes
# økonomi for 2035

**30. maj 2034**

## Aftalen kort

Regeringen og KL er i dag blevet enige om kommunernes økonomi for 2035. Aftalen sikrer, at kommunerne kan følge med, når der bliver flere ældre, og den giver plads til et fortsat højt niveau for investeringer i velfærdens fysiske rammer.

Udgiftsloftets udgangspunkt for kommunernes serviceudgifter løftes med 2,5 mia. kr. i 2035. Heraf tilvejebringes 0,4 mia. kr. ved, at kommunerne selv reducerer udgifterne til administration og konsulenter, så det reelle løft af den borgernære velfærd er 2,1 mia. kr. Dermed kan kommunerne samlet bruge 412,3 mia. kr. på service næste år, mod 398,6 mia. kr. i årets aftale.

Investeringerne fastholdes på et højt niveau. Kommunernes bruttoanlæg kan udgøre 25,8 mia. kr. i 2035, hvilket er 1,3 mia. kr. mere end de 24,5 mia. kr., der blev aftalt for 2034.

Som i de foregående år er en del af bloktilskuddet betinget af, at kommunerne under ét overholder aftalen i deres budgetter: 3 mia. kr. for serviceudgifterne og 1 mia. kr. for anlægsudgifterne.

Kommunerne får endvidere mulighed for at nedsætte skatten med tilskud inden for en pulje, mens den samlede kommunale skat fastholdes.

De tekniske forudsætninger for aftalen fremgår af bilag 1.

## 1. Velfærd i en tid med flere ældre

Antallet af borgere over 80 år stiger med omkring 4 pct. om året frem mod 2040. Regeringen og KL er enige om, at kommunerne skal have mulighed for at prioritere ældreplejen, og at rekrutteringen af medarbejdere er den største enkeltudfordring for velfærden i de kommende år.

Parterne er enige om at fortsætte arbejdet med at afskaffe dokumentationskrav, der ikke skaber værdi for borgerne, og at udbrede brugen af velfærdsteknologi og kunstig intelligens. KL og regeringen vil i efteråret 2034 fremlægge en fælles plan for dette arbejde.

## 2. Investeringer og klima

Regeringen og KL er enige om, at anlægsniveauet skal understøtte både renoveringen af skoler og plejecentre og klimatilpasningen langs kysterne. Parterne vil frem mod 2040 drøfte, hvordan klimatilpasningen kan finansieres, herunder gennem en særlig ramme uden for anlægsloftet.

Lånepuljen til kommuner med særlige investeringsbehov videreføres med 400 mio. kr. i 2035.

[boks Boks 1. Regionernes økonomi i 2035]
Regeringen og Danske Regioner har samtidig indgået aftale om regionernes økonomi. Rammen for regionernes sundhedsudgifter udgør 160,2 mia. kr., og regionernes anlægsramme udgør 4,1 mia. kr. For regionerne er 1,5 mia. kr. af bloktilskuddet betinget af overholdelse af budgetterne.
[/boks]

## 3. Skat og gæld

Regeringen og KL er enige om, at den kommunale skat under ét skal være uændret i 2035. Kommunerne opfordres til at nedbringe deres langfristede gæld, hvor likviditeten tillader det.

Der er ikke enighed om at videreføre det ekstraordinære finansieringstilskud på 1,0 mia. kr., som blev ydet i 2034. Der ydes således ikke et ekstraordinært finansieringstilskud i 2035.

[side]

## Bilag 1. Tekniske forudsætninger

### Hovedtal for 2035

[tabel]
| Emne | Aftale
| Serviceramme 2035 | 412,3 mia. kr.
| Løft af udgangspunktet | 2,5 mia. kr.
| Bruttoanlæg | 25,8 mia. kr.
| Betinget bloktilskud, service | 3,0 mia. kr.
| Betinget bloktilskud, anlæg | 1,0 mia. kr.
| PL, serviceudgifter | 2,6 pct.
| PL, anlægsudgifter | 2,4 pct.
| PL, samlede udgifter | 2,5 pct.
[/tabel]

Udgangspunktet for servicerammen er det kommunale udgiftsloft for 2035 på 409,8 mia. kr., som indeholder reguleringer efter DUT-princippet. Pris- og lønskønnene gælder udviklingen fra 2034 til 2035; de samlede udgifter omfatter også overførslerne.

### Kommunernes balance

[tabel]
| Mia. kr., 2035-pl | Aftale 2034 (2035-pl) | Aftale 2035 | Ændring
| **Serviceudgifter, netto** | 409,0 | 412,3 | 3,3
| Aktivitetsbestemt medfinansiering | 32,0 | 32,6 | 0,6
| Overførsler | 90,7 | 92,1 | 1,4
| Udgifter til forsikrede ledige | 19,8 | 18,9 | -0,9
| Bruttoanlæg (ekskl. ældreboliger) | 25,1 | 25,8 | 0,7
| Øvrige udgifter | 1,1 | 1,2 | 0,1
| **Udgifter i alt** | 577,7 | 582,9 | 5,2
| Skatteindtægter | -449,5 | -455,0 | -5,5
| Bloktilskud mv. | -107,0 | -108,9 | -1,9
| Heraf betinget bloktilskud | -3,0 | -4,0 | -1,0
| Beskæftigelsestilskud | -20,1 | -19,2 | 0,9
| Øvrige indtægter | -7,1 | -7,3 | -0,2
| **Indtægter i alt** | -583,7 | -590,4 | -6,7
[/tabel]

Anm.: Tabellen er Tabel 1 i aftalen. Negative beløb er indtægter. Aftalen for 2034 er omregnet til 2035-pris- og lønniveau.

### Regulering af bloktilskuddet

På baggrund af de opdaterede skøn for overførslerne og pris- og lønudviklingen forhøjes bloktilskuddet for 2034 med 850 mio. kr. (midtvejsregulering). Ved aftalen for 2034 blev bloktilskuddet for 2033 til sammenligning nedreguleret med 1.310 mio. kr.

Beskæftigelsestilskuddet for 2034 efterreguleres særskilt med 190 mio. kr.

### Bidrag til regionerne

Grundbidraget på udviklingsområdet blev ved sidste års aftale fastsat til 155 kr. pr. indbygger for 2034. Efter en revision af befolkningsgrundlaget er grundbidraget for 2034 opgjort til 154 kr. pr. indbygger. Med et regionalt pris- og lønskøn inkl. medicin fra 2034 til 2035 på 2,9 pct. udgør grundbidraget for 2035 158 kr. pr. indbygger.

### Skattefastsættelse

Der etableres en ramme på 150 mio. kr. til kommuner, der nedsætter indkomstskatten i 2035. Tilskuddet dækker en aftrappet andel af provenutabet:

- 75 pct. i 2035
- 50 pct. i 2036 og 2037
- 25 pct. i 2038

Rammen for kommuner, der ønsker at forhøje skatten i 2035, er ligeledes 150 mio. kr.
