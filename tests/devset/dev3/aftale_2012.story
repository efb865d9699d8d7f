@header Aftale om kommunernes økonomi for 2012 — Regeringen og KL, juni 2011
@footer Side {page} af aftaleteksten
# Aftale om kommunernes
# økonomi for 2012

**10. juni 2011**

[boks Boks 1. Aftalens hovedtal for 2012]
- Det aftalte niveau for kommunernes serviceudgifter er 233,9 mia. kr., et løft på 0,5 mia. kr. i forhold til aftalen for 2011.
- Anlægsniveauet forudsættes at udgøre 16,9 mia. kr. ekskl. ældreboliger.
- Finansieringstilskuddet på 3 mia. kr. videreføres.
- 3 mia. kr. af bloktilskuddet er betinget af budgetoverholdelse på serviceområdet.
- Skatten holdes uændret under ét.
[/boks]

## 1. Indledning

Dansk økonomi er kommet ud af den dybe tilbagegang, men opsvinget er svagt, og ledigheden er fortsat høj. Genopretningen af de offentlige finanser, som blev indledt i 2010, skal fastholdes, så underskuddet bringes under 3 pct. af BNP i 2013. Kommunerne har med budgetterne for 2011 vist, at aftalerne kan overholdes, og kommunerne under ét har budgetteret med serviceudgifter under det aftalte niveau.

Regeringen og KL er enige om, at der også i 2012 er behov for stram styring. Samtidig skal der være plads til at prioritere de borgernære områder, hvor presset fra flere ældre og et stigende antal børn med særlige behov er størst. Parterne er enige om, at de økonomiske rammer for 2012 giver kommunerne mulighed for at fastholde serviceniveauet og samtidig investere i fremtidens velfærd.

Aftalen om regionernes økonomi for 2012 er indgået samme dag. De regionale rammer er kort omtalt i boks 3, men er ikke en del af denne aftale.

## 2. Kommunernes økonomi i 2012

### Serviceudgifter

Regeringen og KL er enige om, at kommunernes serviceudgifter løftes med 0,5 mia. kr. i 2012 ud over det aftalte niveau for 2011 korrigeret for pris- og lønudvikling og opgaveændringer. Løftet skal især anvendes til ældreområdet og til indsatsen for udsatte børn og unge.

Aftaleniveauet for 2011 på 227,9 mia. kr. svarer til 233,0 mia. kr. i 2012-priser. Med løftet og reguleringer efter DUT-princippet på 0,4 mia. kr. er det aftalte niveau for kommunernes serviceudgifter i 2012 herefter 233,9 mia. kr.

Parterne er enige om at fortsætte arbejdet med at frigøre ressourcer gennem bedre indkøb og en mere effektiv administration. Kommunerne forventes at frigøre 0,6 mia. kr. i 2012, som bliver i kommunerne og kan anvendes til service. Beløbet indgår ikke i løftet.

### Anlæg

Anlægsaktiviteten i kommunerne har været høj i de senere år. Med afsæt i et ønske om at understøtte beskæftigelsen i bygge- og anlægssektoren forudsættes kommunernes bruttoanlægsudgifter ekskl. ældreboliger at udgøre 16,9 mia. kr. i 2012 mod 16,3 mia. kr. i 2011. Heraf forventes 2,3 mia. kr. finansieret via kvalitetsfonden.

Der etableres en lånepulje på 0,4 mia. kr. til investeringer, som kan frigøre driftsressourcer, og en særlig lånepulje på 0,3 mia. kr. til kommuner med en anstrengt likviditet.

### Styring og sanktioner

Sanktionslovgivningen fra 2010 videreføres. 3 mia. kr. af bloktilskuddet er betinget af, at kommunernes budgetterede serviceudgifter under ét ikke overstiger det aftalte niveau. Hvis budgetterne samlet set overskrider niveauet, kan bloktilskuddet reduceres, og reduktionen fordeles individuelt og kollektivt.

Der er ikke knyttet et betinget bloktilskud til kommunernes anlægsbudgetter. Parterne vil dog følge anlægsudviklingen løbende og drøfte eventuelle afvigelser i forbindelse med budgetlægningen for 2012.

### Finansiering

Finansieringstilskuddet på 3 mia. kr. videreføres i 2012. 1 mia. kr. af tilskuddet fordeles efter kommunernes grundlæggende økonomiske vilkår, mens 2 mia. kr. fordeles efter indbyggertal. Herudover videreføres særtilskudspuljen til vanskeligt stillede kommuner på 0,2 mia. kr.

### Kommunernes balance

Forudsætningerne om udgifter og indtægter i 2012 er sammenfattet i tabel 1, hvor aftalen for 2011 er omregnet til 2012-priser. Udgifterne til forsikrede ledige er i aftalen opgjort særskilt, og beskæftigelsestilskuddet svarer til det forudsatte niveau for disse udgifter. Skatteindtægterne svarer til de statsgaranterede beløb ved uændret skat. Forskellen mellem udgifter og indtægter dækkes af låneoptag og kommunernes likviditet.

Kommunernes likviditet er samlet set forbedret i 2010 og 2011. Regeringen og KL er enige om, at kommunerne fortsat skal udvise økonomisk ansvarlighed, og at den gennemsnitlige kassebeholdning ikke bør falde under et forsvarligt niveau. Parterne vil følge udviklingen i kommuner med en svag likviditet tæt og drøfte eventuelle initiativer i forbindelse med budgetlægningen.

Regeringen og KL er desuden enige om at forbedre grundlaget for den økonomiske styring i kommunerne. Der udarbejdes en fælles vejledning om budgetopfølgning i løbet af året, så afvigelser mellem budget og forventet regnskab kan opdages tidligt. Kommunerne indberetter fremover deres budgetter og forventede regnskaber kvartalsvis, og opgørelserne offentliggøres samlet for hele landet. Parterne drøfter efteråret 2011 erfaringerne med den første kvartalsvise opfølgning, herunder om opgørelserne kan forenkles for de mindste kommuner.

Skønnene for overførselsudgifterne er behæftet med usikkerhed, fordi udviklingen i ledigheden fortsat er uvis. Budgetgarantien på de konjunkturafhængige overførsler videreføres, så kommunerne under ét kompenseres, hvis udgifterne udvikler sig anderledes end forudsat. Parterne er enige om at drøfte en opdatering af de enkelte elementer i budgetgarantien forud for forhandlingerne om 2013, herunder hvordan ændringer i reglerne for kontanthjælp og førtidspension skal indgå.

**Tabel 1. Kommunernes udgifter og indtægter i 2012**

[tabel]
| Mia. kr., 2012-pl | Aftale 2011 (2012-pl) | Aftale 2012 |
| Serviceudgifter | 233,0 | 233,9 |
| Aktivitetsbestemt medfinansiering | 18,0 | 18,3 |
| Overførsler | 58,6 | 59,2 |
| Udgifter til forsikrede ledige | 9,7 | 10,4 |
| Bruttoanlæg (ekskl. ældreboliger) | 16,7 | 16,9 |
| Øvrige udgifter | 1,2 | 1,1 |
| **Udgifter i alt** | **337,2** | **339,8** |
| Skatteindtægter | -243,8 | -245,6 |
| Bloktilskud mv. | -72,8 | -73,1 |
| Heraf betinget bloktilskud | -3,0 | -3,0 |
| Beskæftigelsestilskud | -9,7 | -10,4 |
| Øvrige indtægter | -7,0 | -6,2 |
| **Indtægter i alt** | **-333,3** | **-335,3** |
[/tabel]

Anm.: Aftale 2011 er omregnet til 2012-priser og korrigeret for opgaveændringer. Indtægter er angivet med negativt fortegn.

[boks Boks 2. Øvrige økonomiske forudsætninger]
### Pris- og lønudvikling
Pris- og lønudviklingen skønnes til 2,2 pct. for de kommunale serviceudgifter fra 2011 til 2012. For anlægsudgifterne skønnes 1,8 pct., og for de samlede udgifter inklusive overførsler 2,0 pct. Satsreguleringsprocenten for 2012 udgør 2,4 pct.

### Efterregulering af bloktilskuddet for 2011
Der gennemføres en efterregulering af bloktilskuddet for 2011 som følge af ændrede skøn for indkomstoverførsler og pris- og lønudvikling. Kommunernes bloktilskud for 2011 forøges med 0,4 mia. kr. Den tilsvarende regulering vedrørende 2010 indebar en nedsættelse på 0,6 mia. kr.

### Udviklingsbidrag til regionerne
Kommunernes udviklingsbidrag til regionerne udgjorde 118 kr. pr. indbygger i 2011. Med det regionale pris- og lønskøn på 1,7 pct. fastsættes bidraget til 120 kr. pr. indbygger i 2012.
[/boks]

### Skat

Kommunernes skat skal under ét holdes uændret i 2012. Inden for dette mål kan enkelte kommuner forhøje skatten inden for en samlet ramme på 200 mio. kr., forudsat at forhøjelserne modsvares af tilsvarende nedsættelser i andre kommuner. Der er ikke afsat et særskilt tilskud til kommuner, der nedsætter skatten. En samlet skattestigning modregnes i bloktilskuddet.

[boks Boks 3. Regionernes økonomi i 2012 (særskilt aftale)]
Regionernes nettodriftsudgifter til sundhed udgør 95,6 mia. kr. i 2012, og anlægsniveauet på sundhedsområdet er 5,0 mia. kr. ekskl. kvalitetsfondsprojekter. 1,5 mia. kr. af regionernes bloktilskud er betinget af overholdelse af de aftalte rammer. Det regionale pris- og lønskøn for sundhed inklusive medicin er 2,5 pct.
[/boks]

## 3. Modernisering af den kommunale opgaveløsning

Regeringen og KL er enige om at fortsætte moderniseringen af den offentlige sektor med fokus på digitalisering, bedre indkøb og afbureaukratisering. Kommunerne og staten gennemfører i fællesskab en ny strategi for digital velfærd, hvor borgerne i højere grad skal betjene sig selv digitalt, og hvor velfærdsteknologi skal frigøre tid i ældreplejen.

Parterne er enige om en række regelforenklinger:

- forenkling af kravene til handleplaner på det specialiserede socialområde;
- lempelse af reglerne om kommunernes tilsyn med private leverandører;
- færre proceskrav i beskæftigelsesindsatsen for ledige med kort ledighed;
- afskaffelse af en række indberetninger på dagtilbudsområdet.

Regeringen og KL vil inden næste års forhandlinger gøre status over effekten af forenklingerne.

## 4. Beskæftigelse

Kommunerne finansierer udgifterne til forsikrede ledige og kompenseres via beskæftigelsestilskuddet, der efterreguleres, når ledigheden er kendt. Parterne er enige om at fortsætte arbejdet med at forenkle refusionssystemet og om at styrke den virksomhedsrettede indsats for unge ledige.

## 5. Det specialiserede socialområde

Udgiftsudviklingen på det specialiserede socialområde er bremset op. Regeringen og KL er enige om at fastholde fokus på styring og om at udvikle nøgletal, som gør det muligt at sammenligne kommunernes indsats og resultater på området.
